// Who fired what, newest first.
import type { Activity } from '@cuecart/shared';
import { formatClockTime } from '../../lib/format.js';
import { useCatalog } from '../catalog/catalog-store.js';
import { useActivity } from './activity-store.js';

const VERB: Record<Activity['type'], string> = {
  feature: 'took',
  unfeature: 'took off',
  clear: 'CLEARED the air',
  banner: 'showed a banner',
  'banner.clear': 'cleared the banner',
  status: 'changed the status',
};

const STATUS_VERB = { live: 'went live', ended: 'ended the show', scheduled: 'set the show to scheduled' } as const;

/** "went live", "ended the show": what a status change changed it to (older entries say only that it changed). */
export function verbOf(entry: Pick<Activity, 'type' | 'status'>): string {
  return entry.type === 'status' && entry.status ? STATUS_VERB[entry.status] : VERB[entry.type];
}

export function ActivityLog() {
  const entries = useActivity((s) => s.entries);
  return (
    <section className="panel activity" aria-label="Activity">
      <header className="panel-head">
        <h2>Activity</h2>
      </header>
      <ol className="activity-list">
        {entries.length === 0 && <li className="empty">Nothing fired yet.</li>}
        {entries.slice(0, 60).map((e) => (
          <ActivityRow key={e.seq} entry={e} />
        ))}
      </ol>
    </section>
  );
}

function ActivityRow({ entry }: { entry: Activity }) {
  const title = useCatalog((s) => (entry.productId ? (s.byId.get(entry.productId)?.title ?? entry.productId) : null));
  return (
    <li className={`activity-entry act-${entry.type.replace('.', '-')}`} data-testid="activity-entry">
      <time className="muted">{formatClockTime(entry.at)}</time>
      <span className="who">{entry.by}</span>
      <span>{verbOf(entry)}</span>
      {title && <span className="what">{title}</span>}
      {entry.type === 'banner' && entry.text && <span className="what">“{entry.text}”</span>}
    </li>
  );
}
