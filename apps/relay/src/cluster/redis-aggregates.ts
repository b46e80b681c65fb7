// The analytics aggregates of a cluster, in Redis: every relay adds the beacons it took, an event id counts once
// cluster-wide, and the report reads the same totals on every relay. Each relay still keeps its own raw rows
// (the local log, rolled up by retention). One script per batch and show: a batch counts whole or not at all.
import { figures, type Aggregates, type TrackEvent } from '@cuecart/shared';
import type { RedisClientType } from 'redis';
import type { AggregateStore } from '../analytics/aggregate-store.js';
import type { TrackRepository } from '../analytics/track-repository.js';

const keys = (showId: string) => ['ids', 'views', 'hb', 'min', 'pairs', 'quality', 'startups'].map((part) => `cuecart:an:{${showId}}:${part}`);

/**
 * KEYS: ids (hash), views (set), heartbeats (hash), live minutes (set), pairs (hash), quality sums (hash),
 * startups (hash). ARGV[1]: the batch as [eventId | "", kind, a, b] tuples (for quality: a = mode, b = JSON
 * [watchMs, rebufferMs, sessionId, startupMs | -1]). Answers how many events were new.
 */
const ADD = `
local batch = cjson.decode(ARGV[1])
local fresh = 0
for _, e in ipairs(batch) do
  local id, kind, a, b = e[1], e[2], e[3], e[4]
  if id == '' or redis.call('HSETNX', KEYS[1], id, 1) == 1 then
    fresh = fresh + 1
    if kind == 'view' then redis.call('SADD', KEYS[2], a)
    elseif kind == 'hb' then
      redis.call('HINCRBY', KEYS[3], a, 1)
      if b ~= '' then redis.call('SADD', KEYS[4], b) end
    elseif kind == 'pair' then redis.call('HSETNX', KEYS[5], a, b)
    elseif kind == 'q' then
      local q = cjson.decode(b)
      redis.call('HINCRBY', KEYS[6], 'watch', q[1])
      redis.call('HINCRBY', KEYS[6], 'rebuffer', q[2])
      if q[4] >= 0 then redis.call('HSETNX', KEYS[7], q[3], q[4]) end
    end
  end
end
return fresh
`;

type Triple = [string, 'view' | 'hb' | 'pair' | 'q' | 'none', string, string];

function encode(e: TrackEvent): Triple {
  const id = e.eventId ?? '';
  if (e.type === 'view') return [id, 'view', JSON.stringify([e.sessionId, e.mode, e.clipId ?? '']), ''];
  if (e.type === 'heartbeat') return [id, 'hb', e.mode, e.mode === 'live' && e.mediaMs !== undefined ? JSON.stringify([Math.floor(e.mediaMs / 60_000), e.sessionId]) : ''];
  if ((e.type === 'impression' || e.type === 'click' || e.type === 'add_to_cart') && e.productId !== undefined) {
    const cardKey = figures.cardKeyOf(e);
    return [id, 'pair', JSON.stringify([e.type, e.sessionId, cardKey]), JSON.stringify({ type: e.type, sessionId: e.sessionId, cardKey, productId: e.productId, mode: e.mode })];
  }
  if (e.type === 'quality') return [id, 'q', e.mode, JSON.stringify([e.watchMs ?? 0, e.rebufferMs ?? 0, e.sessionId, e.startupMs ?? -1])];
  return [id, 'none', '', ''];
}

export class RedisAggregates implements AggregateStore {
  constructor(private readonly redis: RedisClientType, private readonly track: TrackRepository) {}

  async add(events: TrackEvent[]): Promise<number> {
    this.track.record(events, 'client');
    const byShow = new Map<string, Triple[]>();
    for (const e of events) {
      const list = byShow.get(e.showId);
      if (list) list.push(encode(e));
      else byShow.set(e.showId, [encode(e)]);
    }
    let fresh = 0;
    for (const [showId, batch] of byShow) fresh += Number(await this.redis.eval(ADD, { keys: keys(showId), arguments: [JSON.stringify(batch)] }));
    return fresh;
  }

  async read(showId: string): Promise<Aggregates> {
    const [, views, hb, minutes, pairs, quality, startups] = keys(showId);
    const [v, h, m, p, q, st] = await Promise.all([
      this.redis.sMembers(views!),
      this.redis.hGetAll(hb!),
      this.redis.sMembers(minutes!),
      this.redis.hVals(pairs!),
      this.redis.hGetAll(quality!),
      this.redis.hVals(startups!),
    ]);
    type Mode = 'live' | 'replay' | 'clip';
    return {
      views: v.map((raw) => {
        const [sessionId, mode, clipId] = JSON.parse(raw) as [string, Mode, string];
        return { sessionId, mode, ...(clipId ? { clipId } : {}) };
      }),
      heartbeats: { live: Number(h.live ?? 0), replay: Number(h.replay ?? 0), clip: Number(h.clip ?? 0) },
      liveMinutes: m.map((raw) => {
        const [minute, sessionId] = JSON.parse(raw) as [number, string];
        return { minute, sessionId };
      }),
      pairs: p.map((raw) => JSON.parse(raw) as Aggregates['pairs'][number]),
      quality: { watchMs: Number(q.watch ?? 0), rebufferMs: Number(q.rebuffer ?? 0), startups: st.map(Number) },
    };
  }
}
