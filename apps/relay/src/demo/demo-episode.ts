// `demo-replay`: an ended episode of the demo, seeded once with CUECART_DEMO=1, so a newcomer finds a show with
// a history — its report, its replay and its clips have something to work on. The episode is produced the way a
// real one is, on its own clock two days back: the host's lines go through the transcript service and the
// matcher, the producer takes each new suggestion on air through the command path, and a simulated audience
// (seeded, so the same every time) sends the player's beacons and buys through the demo store's checkout.
import type { CardStretch, Command, TrackEvent } from '@cuecart/shared';
import { cardStretches, rng } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { demoScript, demoShowBase } from './seed-demo.js';

export const EPISODE_SHOW_ID = 'demo-replay';
const PRODUCER = 'demo producer';
/** The producer's reaction: a suggestion goes on air this long after the line that made it began. */
const TAKE_AFTER_MS = 1500;
const HEARTBEAT_MS = 10_000;

export interface AudienceOrder {
  sessionId: string;
  mode: 'live' | 'replay';
  productId: string;
  cardId: string;
  quantity: number;
}

export interface AudienceOptions {
  showId: string;
  durationMs: number;
  cards: readonly CardStretch[];
  liveSessions: number;
  replaySessions: number;
  /** Products nobody can add to a cart (the player's button is disabled). */
  soldOut?: ReadonlySet<string>;
  seed?: number;
}

/**
 * What a simulated audience does: each session watches one stretch of the show (live viewers join in its first
 * half, replay viewers anywhere), sends `view` after 3 s and a heartbeat every 10 s with its playback quality
 * (startup time first, then watch time and the odd stall), sees most cards on screen
 * while it watches, clicks some, adds some of those to the cart and buys some of those.
 */
export function simulateAudience(o: AudienceOptions): { events: TrackEvent[]; orders: AudienceOrder[] } {
  const rand = rng(o.seed ?? 7); // seeded: the same episode on every machine
  const events: TrackEvent[] = [];
  const orders: AudienceOrder[] = [];
  let n = 0;
  const push = (e: Omit<TrackEvent, 'eventId' | 'showId'>) => events.push({ ...e, showId: o.showId, eventId: `${o.showId}.${String(++n).padStart(6, '0')}` } as TrackEvent);
  const watch = (sessionId: string, mode: 'live' | 'replay', from: number, to: number) => {
    if (to - from < 3000) return;
    // Startup mostly under a second and a half, a slow tail; a stall now and then.
    const startupMs = Math.round(350 + 900 * rand() + (rand() < 0.1 ? 2500 * rand() : 0));
    push({ type: 'quality', sessionId, mode, startupMs, watchMs: startupMs, rebufferMs: 0 });
    push({ type: 'view', sessionId, mode, mediaMs: from + 3000 });
    for (let t = from + HEARTBEAT_MS; t <= to; t += HEARTBEAT_MS) {
      push({ type: 'heartbeat', sessionId, mode, mediaMs: t });
      push({ type: 'quality', sessionId, mode, watchMs: HEARTBEAT_MS, rebufferMs: rand() < 0.06 ? Math.round(600 + 2400 * rand()) : 0 });
    }
    for (const card of o.cards) {
      const seen = Math.max(from, card.startMs);
      if (seen + 1000 > Math.min(to, card.endMs) || rand() > 0.85) continue;
      const k = { sessionId, mode, productId: card.productId, cardId: card.cardId };
      push({ type: 'impression', ...k, mediaMs: seen + 1000 });
      if (rand() > 0.12) continue;
      push({ type: 'click', ...k, mediaMs: seen + 3000 });
      if (rand() > 0.4 || o.soldOut?.has(card.productId)) continue;
      push({ type: 'add_to_cart', ...k, mediaMs: seen + 6000 });
      if (rand() > 0.45) continue;
      orders.push({ sessionId, mode, productId: card.productId, cardId: card.cardId, quantity: rand() < 0.2 ? 2 : 1 });
    }
  };
  for (let i = 0; i < o.liveSessions; i++) {
    const from = Math.floor(rand() * rand() * o.durationMs * 0.6);
    const to = Math.min(o.durationMs, from + 20_000 + Math.floor(rand() * o.durationMs));
    watch(`live-${i}`, 'live', from, to);
  }
  for (let i = 0; i < o.replaySessions; i++) {
    const from = Math.floor(rand() * o.durationMs * 0.8);
    const to = Math.min(o.durationMs, from + 15_000 + Math.floor(rand() * o.durationMs * 0.5));
    watch(`replay-${i}`, 'replay', from, to);
  }
  return { events, orders };
}

export interface EpisodeSeed {
  showId: string;
  /** False when an earlier start seeded it already. */
  created: boolean;
  /** A week's producer token for its report. */
  producerToken: string;
}

/** Seeds the episode unless it is there already; `now` places it two days back. */
export async function seedDemoEpisode(ctx: RelayContext, now = Date.now()): Promise<EpisodeSeed> {
  const created = (await ctx.authority.ensure(EPISODE_SHOW_ID)) ? false : (await produceEpisode(ctx, now), true);
  const producer = await ctx.tokens.issue(EPISODE_SHOW_ID, 'producer', PRODUCER, 7 * 24 * 3600);
  return { showId: EPISODE_SHOW_ID, created, producerToken: producer.token };
}

async function produceEpisode(ctx: RelayContext, now: number): Promise<void> {
  const script = demoScript();
  if (!script) throw new Error('the demo transcript is missing: regenerate it with scripts/media/make-demo-media.sh');
  const base = await demoShowBase();
  const epoch = Math.floor((now - 2 * 24 * 3600_000) / 60_000) * 60_000;
  const durationMs = script.loopMs;
  const show = await ctx.authority.create({
    id: EPISODE_SHOW_ID,
    title: 'Cuecart demo: the Autumn Edit (last episode)',
    ...base,
    streamEpochMs: epoch,
  });
  if (!show.ok) throw new Error(`the demo episode could not be created: ${show.error.message}`);

  let n = 0;
  const command = async (body: Record<string, unknown>, atMs: number) => {
    const ack = await ctx.authority.submit(EPISODE_SHOW_ID, { id: `episode-${++n}`, ...body } as Command, PRODUCER, epoch + atMs);
    if (!ack.ok) throw new Error(`the demo episode's command ${JSON.stringify(body)} was refused: ${ack.error.message}`);
  };
  await command({ type: 'status', status: 'live' }, 0);
  // The host's lines through the real matcher; the producer takes each new product it suggests.
  const suggested: string[] = [];
  const stop = ctx.transcript.onSuggestion((showId, s) => {
    if (showId === EPISODE_SHOW_ID) suggested.push(s.productId);
  });
  try {
    let onAir: string | undefined;
    for (const [i, line] of script.script.entries()) {
      suggested.length = 0;
      ctx.transcript.ingest(EPISODE_SHOW_ID, [{ id: `episode-line-${i}`, startMs: line.atMs, endMs: line.endMs ?? line.atMs + 4000, text: line.text }]);
      const next = suggested.find((p) => p !== onAir);
      if (!next) continue;
      await command({ type: 'feature', productId: next, mediaMs: line.atMs + TAKE_AFTER_MS }, line.atMs + TAKE_AFTER_MS);
      onAir = next;
    }
  } finally {
    stop();
  }
  await command({ type: 'status', status: 'ended' }, durationMs);

  const cards = cardStretches(await ctx.authority.stateLog(EPISODE_SHOW_ID), epoch, durationMs);
  const soldOut = new Set(base.products.filter((p) => !p.available).map((p) => p.id));
  const audience = simulateAudience({ showId: EPISODE_SHOW_ID, durationMs, cards, liveSessions: 420, replaySessions: 260, soldOut });
  for (let i = 0; i < audience.events.length; i += 500) await ctx.beacons.accept(audience.events.slice(i, i + 500), undefined);
  for (const [i, o] of audience.orders.entries()) await buy(ctx, o, i);
}

/** One order through the demo store, as a shopper's checkout makes it; a product sold out is skipped. */
async function buy(ctx: RelayContext, o: AudienceOrder, i: number): Promise<void> {
  const cart = await ctx.commerce.createCart(EPISODE_SHOW_ID, o.sessionId, o.mode);
  if (!cart.ok) return;
  const added = await ctx.commerce.addLine(cart.value.id, o.sessionId, { productId: o.productId, quantity: o.quantity, cardId: o.cardId });
  if (!added.ok) return;
  await ctx.commerce.placeOrder(cart.value.id, o.sessionId, { email: `shopper${i}@example.com`, name: `Demo shopper ${i}`, mode: o.mode });
}
