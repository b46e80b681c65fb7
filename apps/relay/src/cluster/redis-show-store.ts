// The show store of a cluster: shows, overlay state, answers and the command log in Redis, so any relay
// can take any show's commands. A Lua script checks the command id and the expected seq and writes
// atomically, so seq stays strictly +1 across relays. Durability is Redis's: run it with
// `appendonly yes` and `appendfsync always` (see README), then an acknowledged command is on disk.
import type { Activity, Command, LoggedState, OverlayState, Product, Show, TranscriptSourceSpec } from '@cuecart/shared';
import type { RedisClientType } from 'redis';
import { toActivity, type LoggedAnswer } from '../shows/command-log.js';
import type { StoredShow } from '../shows/show-repository.js';
import type { Logger } from '../logger.js';
import type { CommandOutcome, CommitEntry, Decide, ShowEvent, ShowStore, ShowWatcher, StoredShowWithState, ShowRecord as StoredRecord } from '../shows/show-store.js';
import { rereadAfterReconnect } from './reread.js';

const SHOWS = 'cuecart:shows';
/** A commit that found the state moved on (another relay took a command) is decided again this many times. */
const MAX_ATTEMPTS = 8;
export const SHOW_EVENTS_CHANNEL = 'cuecart:show-events';
const key = (showId: string, part: 'products' | 'state' | 'answers' | 'log') => `cuecart:show:{${showId}}:${part}`;

/**
 * KEYS: answers, state, log. ARGV: command id, expected seq, answer JSON, new state JSON or "", log entry JSON
 * or "", channel, event JSON. The event is published in the same script, so no relay can commit a command
 * and die before the others hear of it.
 */
const COMMIT = `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
if prev then return {'duplicate', prev} end
local cur = redis.call('GET', KEYS[2])
local seq = 0
if cur then seq = cjson.decode(cur)['seq'] end
if seq ~= tonumber(ARGV[2]) then return {'stale', cur or ''} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if ARGV[4] ~= '' then
  redis.call('SET', KEYS[2], ARGV[4])
  redis.call('RPUSH', KEYS[3], ARGV[5])
  redis.call('PUBLISH', ARGV[6], ARGV[7])
end
return {'ok'}
`;

interface ShowRecord {
  show: StoredRecord;
  spec: StoredShow['spec'];
  transcript?: TranscriptSourceSpec | undefined;
}

export class RedisShowStore implements ShowStore {
  /** `subscriber`: a connection of its own for the show events (a subscribed client can do nothing else). */
  constructor(
    private readonly redis: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
  ) {}

  /** The one way a relay hears of the others' changes: the events each write of this store publishes. */
  async watch(watcher: ShowWatcher): Promise<void> {
    await this.subscriber.subscribe(SHOW_EVENTS_CHANNEL, (message) => {
      let event: ShowEvent;
      try {
        event = JSON.parse(message) as ShowEvent;
      } catch {
        return;
      }
      watcher.changed(event).catch((err: Error) => this.logger.warn({ err: err.message }, 'show event not applied'));
    });
    // Events published while this relay was cut off from Redis are gone: read the state again.
    // (This listener comes after the first connect, so every 'ready' it sees is a reconnect.)
    this.subscriber.on('ready', () => {
      this.logger.info('reconnected to redis: resyncing shows');
      rereadAfterReconnect(() => watcher.missed(), 'shows', this.logger);
    });
  }

  async loadAll(): Promise<StoredShowWithState[]> {
    const ids = await this.redis.hKeys(SHOWS);
    const shows = await Promise.all(ids.map((id) => this.load(id)));
    return shows.filter((s): s is StoredShowWithState => s !== undefined);
  }

  async load(showId: string): Promise<StoredShowWithState | undefined> {
    const [record, products, state] = await Promise.all([this.redis.hGet(SHOWS, showId), this.redis.get(key(showId, 'products')), this.redis.get(key(showId, 'state'))]);
    if (!record) return undefined;
    const r = JSON.parse(record) as ShowRecord;
    return { ...r, products: products ? JSON.parse(products) : [], state: state ? (JSON.parse(state) as OverlayState) : undefined };
  }

  async insertShow(stored: StoredShow): Promise<boolean> {
    // Products first: a relay that sees the show record must find its catalog.
    await this.redis.set(key(stored.show.id, 'products'), JSON.stringify(stored.products), { condition: 'NX' });
    const record: ShowRecord = { show: stored.show, spec: stored.spec, transcript: stored.transcript };
    const inserted = (await this.redis.hSetNX(SHOWS, stored.show.id, JSON.stringify(record))) === 1;
    if (inserted) this.publish({ type: 'show', showId: stored.show.id });
    return inserted;
  }

  /** The whole record goes to the other relays: title, start, rundown, stream, origins and invites. */
  async updateShow(show: StoredRecord): Promise<void> {
    await this.patch(show.id, (r) => ({ ...r, show }));
    this.publish({ type: 'updated', showId: show.id, show });
  }

  async updateTranscript(showId: string, transcript: TranscriptSourceSpec): Promise<void> {
    await this.patch(showId, (r) => ({ ...r, transcript }));
  }

  async updateProducts(showId: string, products: Product[], changed: Product[]): Promise<void> {
    await this.redis.set(key(showId, 'products'), JSON.stringify(products));
    this.publish({ type: 'products', showId, products: changed });
  }

  async commitCommand(_showId: string, _commandId: string, current: OverlayState, decide: Decide, moved: (state: OverlayState) => void): Promise<CommandOutcome> {
    let state = current;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // One round trip per attempt: the script answers a repeated command id before it looks at the seq.
      const entry = decide(state);
      const result = await this.commit(entry);
      if (result.kind === 'duplicate') return result;
      if (result.kind === 'ok') return { kind: 'committed', entry };
      // Another relay took a command for this show first: start again from its state.
      if (result.state && result.state.seq > state.seq) {
        state = result.state;
        moved(state);
      }
    }
    return { kind: 'busy' };
  }

  private async commit(entry: CommitEntry): Promise<{ kind: 'ok' } | { kind: 'duplicate'; answer: LoggedAnswer } | { kind: 'stale'; state: OverlayState | undefined }> {
    const answer: LoggedAnswer = { body: entry.body, ack: entry.ack };
    // Each entry keeps the state it made: the cards' time on air (stateLog) is read from the log, as in SQLite.
    const logEntry = entry.state ? JSON.stringify({ seq: entry.state.seq, commandId: entry.commandId, body: entry.body, by: entry.by, at: entry.at, state: entry.state }) : '';
    const event: ShowEvent | undefined = entry.state
      ? { type: 'committed', showId: entry.showId, state: entry.state, entry: toActivity(entry.state.seq, JSON.parse(entry.body) as Command, entry.by, entry.at) }
      : undefined;
    const reply = (await this.redis.eval(COMMIT, {
      keys: [key(entry.showId, 'answers'), key(entry.showId, 'state'), key(entry.showId, 'log')],
      arguments: [entry.commandId, String(entry.expectedSeq), JSON.stringify(answer), entry.state ? JSON.stringify(entry.state) : '', logEntry, SHOW_EVENTS_CHANNEL, event ? JSON.stringify(event) : ''],
    })) as [string, string?];
    if (reply[0] === 'duplicate') return { kind: 'duplicate', answer: JSON.parse(reply[1]!) as LoggedAnswer };
    if (reply[0] === 'stale') return { kind: 'stale', state: reply[1] ? (JSON.parse(reply[1]) as OverlayState) : undefined };
    return { kind: 'ok' };
  }

  async recentActivity(showId: string, limit: number): Promise<Activity[]> {
    const rows = await this.redis.lRange(key(showId, 'log'), -limit, -1);
    return rows.map((raw) => {
      const r = JSON.parse(raw) as { seq: number; body: string; by: string; at: number };
      return toActivity(r.seq, JSON.parse(r.body) as Command, r.by, r.at);
    });
  }

  /** Every accepted state in seq order (entries written before states were kept in the log have none). */
  async stateLog(showId: string): Promise<LoggedState[]> {
    const rows = await this.redis.lRange(key(showId, 'log'), 0, -1);
    return rows.flatMap((raw) => {
      const r = JSON.parse(raw) as { at: number; state?: OverlayState };
      return r.state ? [{ state: r.state, at: r.at }] : [];
    });
  }

  async close(): Promise<void> {}

  private publish(event: ShowEvent): void {
    this.redis.publish(SHOW_EVENTS_CHANNEL, JSON.stringify(event)).catch((err: Error) => this.logger.warn({ err: err.message }, 'show event not published'));
  }

  private async patch(showId: string, change: (r: ShowRecord) => ShowRecord): Promise<void> {
    const raw = await this.redis.hGet(SHOWS, showId);
    if (raw) await this.redis.hSet(SHOWS, showId, JSON.stringify(change(JSON.parse(raw) as ShowRecord)));
  }
}
