// Revocations of a cluster: kept in Redis so every relay, including one that starts later, knows them,
// and published in the same Lua step so every running relay hears of them at once. Each relay answers
// checks from memory; it re-reads Redis after a reconnect to apply whatever it missed meanwhile.
import { MAX_TOKEN_TTL_SECONDS, TokenRole } from '@cuecart/shared';
import type { RedisClientType } from 'redis';
import { z } from 'zod';
import { ListedRevocations, RevocationNotSaved, type Revocation } from '../auth/revocations.js';

export const REVOCATIONS_CHANNEL = 'cuecart:revocations';
/** Sorted set: member {"jti","showId"}, score the token's expiry (epoch ms); pruned on every write. */
const TOKENS = 'cuecart:revoked-tokens';
/** Hash: "<role>:<show id>" → notBefore (epoch ms), only ever raised. */
const ROTATIONS = 'cuecart:token-rotations';

/** A write Redis has not answered by then is reported as not saved, rather than hanging the request. */
const WRITE_TIMEOUT_MS = 3000;

/** KEYS: tokens. ARGV: member, expiresAt, now, channel, message. Keeps the later expiry of a repeat. */
const REVOKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`;

/** KEYS: rotations. ARGV: field, notBefore, channel, message. Returns the instant in force (the later one). */
const ROTATE = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur and tonumber(cur) >= tonumber(ARGV[2]) then
  redis.call('PUBLISH', ARGV[3], ARGV[4])
  return cur
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return ARGV[2]
`;

/** What relays publish to each other; the receivers keep max(notBefore) themselves, so order does not matter. */
const RevocationMessage: z.ZodType<Revocation> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), jti: z.string().min(1), showId: z.string().min(1), expiresAt: z.number() }),
  z.object({ kind: z.literal('rotation'), showId: z.string().min(1), role: TokenRole, notBefore: z.number() }),
]);
const TokenMember = z.object({ jti: z.string().min(1), showId: z.string().min(1) });

export class RedisRevocationStore extends ListedRevocations {
  private readonly writer: RedisClientType;

  constructor(
    private readonly redis: RedisClientType,
    clock: () => number = Date.now,
    private readonly writeTimeoutMs = WRITE_TIMEOUT_MS,
  ) {
    super(clock);
    this.writer = redis.withCommandOptions({ timeout: writeTimeoutMs }) as RedisClientType;
  }

  /**
   * Reads every revocation in Redis and applies the ones this relay did not know: at start, and after
   * a reconnect (a publish made while this relay was cut off is gone). Listeners hear only new ones.
   */
  async load(): Promise<void> {
    const now = this.clock();
    const [tokens, rotations] = await Promise.all([this.redis.zRangeWithScores(TOKENS, now, '+inf', { BY: 'SCORE' }), this.redis.hGetAll(ROTATIONS)]);
    for (const { value, score } of tokens) {
      const member = TokenMember.safeParse(parseJson(String(value)));
      if (member.success) this.list.apply({ kind: 'token', ...member.data, expiresAt: Number(score) });
    }
    for (const [field, notBefore] of Object.entries(rotations as Record<string, string>)) {
      const colon = field.indexOf(':');
      const role = TokenRole.safeParse(field.slice(0, colon));
      if (colon > 0 && role.success && Number.isFinite(Number(notBefore))) {
        this.list.apply({ kind: 'rotation', showId: field.slice(colon + 1), role: role.data, notBefore: Number(notBefore) });
      }
    }
  }

  /** A message on REVOCATIONS_CHANNEL, from any relay (this one's own come back too, and change nothing). */
  receive(message: string): void {
    const parsed = RevocationMessage.safeParse(parseJson(message));
    if (parsed.success) this.list.apply(parsed.data);
  }

  async revoke(jti: string, showId: string, expiresAt = this.clock() + MAX_TOKEN_TTL_SECONDS * 1000): Promise<void> {
    const revocation: Revocation = { kind: 'token', jti, showId, expiresAt };
    await this.write(REVOKE, TOKENS, [JSON.stringify({ jti, showId }), String(expiresAt), String(this.clock()), REVOCATIONS_CHANNEL, JSON.stringify(revocation)]);
    this.list.apply(revocation);
  }

  async rotate(showId: string, role: TokenRole): Promise<number> {
    const wanted = this.rotationInstant(showId, role);
    const message = JSON.stringify({ kind: 'rotation', showId, role, notBefore: wanted } satisfies Revocation);
    // Another relay may have rotated later (its clock ahead of ours): the later instant stays in force.
    const at = Number(await this.write(ROTATE, ROTATIONS, [`${role}:${showId}`, String(wanted), REVOCATIONS_CHANNEL, message]));
    this.list.apply({ kind: 'rotation', showId, role, notBefore: at });
    return at;
  }

  /**
   * Runs a write script; fails fast while Redis is away, so no request waits on the offline queue. The
   * writer's own timeout drops a command not sent in time (it never runs later); the deadline covers one
   * sent but not answered, which may still run: that is why the error says repeating is harmless.
   */
  private async write(script: string, key: string, args: string[]): Promise<unknown> {
    if (!this.redis.isReady) throw new RevocationNotSaved(new Error('not connected to Redis'));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.writeTimeoutMs} ms`)), this.writeTimeoutMs);
    });
    try {
      return await Promise.race([this.writer.eval(script, { keys: [key], arguments: args }), deadline]);
    } catch (error) {
      throw new RevocationNotSaved(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
