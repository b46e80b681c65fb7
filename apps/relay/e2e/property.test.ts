// Property-based fuzzing of every REST route and every client socket event of the real relay:
// random, malformed, oversized and prototype-pollution-shaped input never gets a 5xx, never crashes
// the relay, always gets the documented error shape, and a rejected input changes nothing.
// Quick form by default; CUECART_PROPERTY_RUNS=5000 for the long chaos form.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ADMIN_TOKEN, api, createShow, products, removeDataDir, socketPool, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const RUNS = Math.max(1, Number(process.env.CUECART_PROPERTY_RUNS) || 120);
/** Room for the long form: about 50 ms an input, at least the default 30 s. */
const TIMEOUT = Math.max(30_000, RUNS * 50);
const SHOW = 'prop';
const CODES = ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited'];

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
let otherShowProducer: string;
let cartId: string;
let viewer: Socket;
let producer: Socket;
let host: Socket;
let tried = 0;
let showKeys: string[];
const pool = socketPool(() => relay);

beforeAll(async () => {
  // Limits off, so that a 429 never hides how validation answers.
  relay = await startRelay({ env: { CUECART_RATE_LIMITS: 'off' } });
  tokens = await createShow(relay, SHOW);
  otherShowProducer = (await createShow(relay, 'prop-other')).producer;
  cartId = (await api(relay, 'POST', `/api/shows/${SHOW}/carts`, { sessionId: 'fuzz' })).body.id as string;
  viewer = await pool.open('/viewer', { show: SHOW });
  producer = await pool.open('/producer', { token: tokens.producer });
  host = await pool.open('/host', { token: tokens.host });
  state = await snapshot();
  showKeys = Object.keys((await api(relay, 'GET', `/api/shows/${SHOW}`)).body as object).sort();
}, 30_000);

afterAll(async () => {
  pool.closeAll();
  console.log(`property inputs tried: ${tried}`);
  if (!relay) return;
  expect(relay.proc.exitCode).toBeNull();
  expect(await relay.stop()).toBe(0);
  expect(relay.output()).not.toMatch(/uncaught|unhandled|request failed|handler failed/i);
  removeDataDir(relay.dataDir);
});

// ---- state: what a rejected input must leave as it was ----

let state: unknown;

async function snapshot(): Promise<unknown> {
  const show = await api(relay, 'GET', `/api/shows/${SHOW}`);
  const overlay = (await producer.timeout(5000).emitWithAck('overlay:get', null)) as { ok: boolean; state?: unknown };
  expect(overlay.ok).toBe(true);
  return { show: show.body, overlay: overlay.state };
}

/** After an input: unchanged if it was rejected; the new state becomes the reference if it was accepted. */
async function settle(rejected: boolean, what: string): Promise<void> {
  const now = await snapshot();
  if (rejected) expect(now, `a rejected ${what} changed the show`).toEqual(state);
  state = now;
}

/** `{ error: { code, message } }`; a command's ack over REST also carries `ok: false` (DESIGN: "→ its ack"). */
function expectErrorShape(body: unknown, what: string): void {
  const shape = { error: { code: expect.any(String), message: expect.any(String) } };
  expect(body, what).toEqual(body && typeof body === 'object' && 'ok' in body ? { ok: false, ...shape } : shape);
  expect(CODES, what).toContain((body as { error: { code: string } }).error.code);
}

// ---- inputs ----

/** JSON texts whose keys would pollute Object.prototype if merged naively; parsed so they are own keys. */
const POLLUTERS = [
  '"__proto__":{"polluted":"yes"}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"__proto__":{"__proto__":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}',
  '"__proto__":{"toString":"polluted","valueOf":"polluted","hasOwnProperty":"polluted"}',
  '"toString":"polluted","hasOwnProperty":"polluted","__defineGetter__":"polluted"',
  '"__proto__":null',
  '"__proto__":["polluted"]',
];

/** A base object with a polluting key at its root, or inside one of its fields, or nested deeper. */
function protoShaped(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.constantFrom(...POLLUTERS), fc.nat(3), fc.boolean()).map(([b, polluter, depth, intoField]) => {
    let text = `{${polluter}}`;
    for (let i = 0; i < depth; i++) text = `{"a":${text},${polluter}}`;
    const obj = b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
    const keys = Object.keys(obj);
    if (intoField && keys.length) {
      const key = keys[depth % keys.length]!;
      const rest = JSON.stringify(obj).slice(1, -1);
      return JSON.parse(`{${rest},${JSON.stringify(key)}:${text}}`);
    }
    const rest = JSON.stringify(obj).slice(1, -1);
    return JSON.parse(rest ? `{${polluter},${rest}}` : text);
  });
}

const deep = fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.boolean()).map(([d, arrays]) => JSON.parse(arrays ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)));
/** A long string of about `max` bytes once sent as JSON (each character costs its UTF-8 or escape bytes). */
const huge = (max: number) =>
  fc.tuple(fc.integer({ min: 2000, max }), fc.constantFrom<[string, number]>(['x', 1], ['é', 2], ['🔥', 4], ['\u202e', 3], ['\u0000', 6], [' ', 1])).map(([n, [c, bytes]]) => c.repeat(Math.floor(n / bytes)));
const weirdString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'p-mug ', '\u0000', '../..', 'null', '0', '-1', 'NaN'));
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant([]), fc.constant({}), weirdString, fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }));

/** Junk that fits in a socket frame (the relay closes a socket that sends a frame over 100 kB). */
const junk = (hugeMax: number) => fc.oneof(fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true, withBoxedValues: true }), fc.object({ maxDepth: 3 }), wrongType, deep, huge(hugeMax), fc.uint8Array({ maxLength: 64 }));

/** A valid-looking body with one field wrong, missing, or an extra field. */
function mutate(base: fc.Arbitrary<Record<string, unknown>>, hugeMax: number): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(), fc.oneof(wrongType, huge(hugeMax), deep), fc.constantFrom('replace', 'delete', 'extra')).map(([b, i, value, how]) => {
    const out: Record<string, unknown> = { ...b };
    const keys = Object.keys(out);
    const key = keys[i % Math.max(1, keys.length)] ?? 'id';
    if (how === 'replace') out[key] = value;
    else if (how === 'delete') delete out[key];
    else out[`extra${i % 3}`] = value;
    return out;
  });
}

/** Everything a route or event might receive, given a valid body for it. */
function inputs(valid: fc.Arbitrary<Record<string, unknown>>, hugeMax = 60_000): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: junk(hugeMax), weight: 4 },
    { arbitrary: protoShaped(valid), weight: 3 },
    { arbitrary: mutate(valid, hugeMax), weight: 4 },
    { arbitrary: valid, weight: 1 },
  );
}

const clientId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/);
const productId = fc.constantFrom(...products.map((p) => p.id), 'ghost');
const command = fc.oneof(
  fc.record({ id: clientId, type: fc.constant('feature'), productId, badge: fc.constantFrom('New', 'Hot', 'x'.repeat(100)), mediaMs: fc.integer({ min: -5, max: 1e6 }), exclusive: fc.boolean() }, { requiredKeys: ['id', 'type', 'productId'] }),
  fc.record({ id: clientId, type: fc.constant('unfeature'), productId }),
  fc.record({ id: clientId, type: fc.constant('clear') }),
  fc.record({ id: clientId, type: fc.constant('banner'), text: weirdString, endsAt: fc.integer() }, { requiredKeys: ['id', 'type', 'text'] }),
  fc.record({ id: clientId, type: fc.constant('banner.clear') }),
  fc.record({ id: clientId, type: fc.constantFrom('status', 'unknown', '__proto__'), status: fc.constantFrom('scheduled', 'live', 'ended', 'paused') }),
) as fc.Arbitrary<Record<string, unknown>>;
const trackEvent = fc.record({
  type: fc.constantFrom('impression', 'click', 'add_to_cart', 'checkout', 'purchase', 'refund'),
  showId: fc.constantFrom(SHOW, 'prop-other', 'ghost'),
  productId,
  sessionId: clientId,
  mode: fc.constantFrom('live', 'replay'),
  value: fc.double(),
}, { requiredKeys: ['type', 'showId', 'productId', 'sessionId', 'mode'] }) as fc.Arbitrary<Record<string, unknown>>;
const cue = fc.record({ id: clientId, text: weirdString });
const dismiss = fc.record({ id: fc.oneof(clientId, weirdString) });
const rundown = fc.record({ productIds: fc.array(productId, { maxLength: 6 }) });
const segment = fc.record({ id: clientId, startMs: fc.integer({ min: -10, max: 1e7 }), endMs: fc.integer({ min: -10, max: 1e7 }), text: weirdString, final: fc.boolean() }, { requiredKeys: ['startMs', 'endMs', 'text'] });
const transcript = fc.record({ segments: fc.array(segment, { maxLength: 5 }) });
const showBody = fc.record({
  id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.constantFrom(SHOW, '__proto__', 'constructor')),
  title: weirdString,
  catalog: fc.oneof(fc.record({ provider: fc.constant('inline'), products: fc.constant(products) }), fc.record({ provider: fc.constant('file'), path: fc.constantFrom('.', 'nope.json', '../../package.json', '/etc/hostname') })),
  rundown: fc.array(productId, { maxLength: 3 }),
}, { requiredKeys: ['title', 'catalog'] }) as fc.Arbitrary<Record<string, unknown>>;
const tokenRequest = fc.record({ role: fc.constantFrom('producer', 'host', 'ingest', 'admin', 'viewer'), name: weirdString, ttlSeconds: fc.integer() }, { requiredKeys: ['role'] });
const cartBody = fc.record({ sessionId: clientId });
const lineBody = fc.record({ productId, variantId: clientId, quantity: fc.integer({ min: -2, max: 120 }), cardId: clientId }, { requiredKeys: ['productId'] });
const quantity = fc.record({ quantity: fc.integer({ min: -2, max: 120 }) });
const order = fc.record({ email: fc.constantFrom('a@b.example', 'not-an-email', ''), name: weirdString, mode: fc.constantFrom('live', 'replay', 'later') });

// ---- REST ----

const pathSegment = fc.oneof(
  { arbitrary: fc.constantFrom(SHOW, 'prop-other', 'ghost', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', '..', '%2e%2e', '%', '%E0%A4%A', '%00', 'a'.repeat(3000)), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme' }).map(encodeURIComponent), weight: 2 },
);

type Auth = 'none' | 'admin' | 'producer' | 'host' | 'ingest' | 'otherShow' | 'garbage';
const auth = fc.oneof(fc.constantFrom<Auth>('none', 'admin', 'producer', 'host', 'ingest', 'otherShow'), fc.constant<Auth>('garbage'));
const garbageAuth = fc.oneof(fc.stringMatching(/^[ -~]{0,200}$/), fc.constantFrom('Bearer', 'Bearer ', 'Basic abc', `Bearer ${'a'.repeat(6000)}`, 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzaG93IjoicHJvcCIsInJvbGUiOiJwcm9kdWNlciJ9.'));
const contentType = fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', undefined);
/** The body as sent: JSON of the input, or broken text. */
const rawBody = (valid: fc.Arbitrary<Record<string, unknown>>, hugeMax: number) =>
  fc.oneof(
    { arbitrary: inputs(valid, hugeMax).map((v) => JSON.stringify(v) as string | undefined), weight: 8 },
    { arbitrary: fc.constantFrom('{"a":', '', 'null', '"str"', '\u0000', '{"__proto__":', '[1,2', '{}}'), weight: 1 },
    { arbitrary: fc.string(), weight: 1 },
  );

function authHeader(who: Auth, garbage: string): string | undefined {
  switch (who) {
    case 'none':
      return undefined;
    case 'admin':
      return `Bearer ${ADMIN_TOKEN}`;
    case 'otherShow':
      return `Bearer ${otherShowProducer}`;
    case 'garbage':
      return garbage;
    default:
      return `Bearer ${tokens[who]}`;
  }
}

async function request(method: string, path: string, body: string | undefined, who: Auth, garbage: string, type: string | undefined): Promise<void> {
  tried++;
  const headers: Record<string, string> = {};
  const authorization = authHeader(who, garbage);
  if (authorization !== undefined) headers.authorization = authorization;
  if (type && body !== undefined) headers['content-type'] = type;
  // The session of the real cart, so cart bodies get past the session check to the code that parses them.
  headers['x-cuecart-session'] = 'fuzz';
  const res = await fetch(relay.url + path, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  const text = await res.text();
  const what = `${method} ${path.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  const rejected = res.status >= 400;
  // The path as it reached the relay: fetch resolves "/api/.." to "/" like a browser does.
  const sent = new URL(relay.url + path).pathname;
  if (rejected && (sent === '/api' || sent.startsWith('/api/')) && method !== 'HEAD') {
    let parsed: unknown;
    expect(() => (parsed = JSON.parse(text)), what).not.toThrow();
    expectErrorShape(parsed, what);
  }
  await settle(rejected, what);
}

interface Route {
  method: string;
  path: (a: string, b: string) => string;
  body?: fc.Arbitrary<Record<string, unknown>>;
  /** Largest huge string: past the route's body limit, to check the 413 answer. */
  hugeMax?: number;
}

const ROUTES: Record<string, Route> = {
  'POST /api/shows': { method: 'POST', path: () => '/api/shows', body: showBody, hugeMax: 200_000 },
  'GET /api/shows/:id': { method: 'GET', path: (a) => `/api/shows/${a}` },
  'POST /api/shows/:id/tokens': { method: 'POST', path: (a) => `/api/shows/${a}/tokens`, body: tokenRequest, hugeMax: 100_000 },
  'POST /api/shows/:id/commands': { method: 'POST', path: (a) => `/api/shows/${a}/commands`, body: command, hugeMax: 100_000 },
  'GET /api/shows/:id/catalog': { method: 'GET', path: (a) => `/api/shows/${a}/catalog` },
  'GET /api/shows/:id/products': { method: 'GET', path: (a) => `/api/shows/${a}/products` },
  'GET /api/shows/:id/analytics': { method: 'GET', path: (a) => `/api/shows/${a}/analytics` },
  'POST /api/shows/:id/transcript': { method: 'POST', path: (a) => `/api/shows/${a}/transcript`, body: transcript, hugeMax: 600_000 },
  'POST /api/track': { method: 'POST', path: () => '/api/track', body: fc.record({ events: fc.array(trackEvent, { maxLength: 3 }) }), hugeMax: 150_000 },
  'POST /api/shows/:id/carts': { method: 'POST', path: (a) => `/api/shows/${a}/carts`, body: cartBody, hugeMax: 20_000 },
  'GET /api/carts/:cartId': { method: 'GET', path: (a) => `/api/carts/${a}` },
  'POST /api/carts/:cartId/lines': { method: 'POST', path: (a) => `/api/carts/${a}/lines`, body: lineBody, hugeMax: 20_000 },
  'PATCH /api/carts/:cartId/lines/:productId': { method: 'PATCH', path: (a, b) => `/api/carts/${a}/lines/${b}`, body: quantity, hugeMax: 20_000 },
  'POST /api/carts/:cartId/checkout': { method: 'POST', path: (a) => `/api/carts/${a}/checkout` },
  'POST /api/carts/:cartId/orders': { method: 'POST', path: (a) => `/api/carts/${a}/orders`, body: order, hugeMax: 20_000 },
  'GET /api/shows/:id/orders': { method: 'GET', path: (a) => `/api/shows/${a}/orders` },
};

describe('REST: random, malformed, oversized and polluting input', () => {
  for (const [name, route] of Object.entries(ROUTES)) {
    it(name, async () => {
      // The cart routes mostly aim at the real cart, so the bodies get past the lookup.
      const first = name.includes(':cartId') ? fc.oneof(fc.constant(() => cartId), pathSegment.map((s) => () => s)) : fc.oneof(fc.constant(() => SHOW), pathSegment.map((s) => () => s));
      const body = route.body ? rawBody(route.body, route.hugeMax ?? 60_000) : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(first, fc.oneof(productId, pathSegment), body, auth, garbageAuth, contentType, async (a, b, text, who, garbage, type) => {
          await request(route.method, route.path(a(), b), text, who, garbage, type);
        }),
        { numRuns: RUNS },
      );
    }, TIMEOUT);
  }

  it('any method on any path, including pages and media', async () => {
    const path = fc.oneof(
      fc.constantFrom('/api', '/api/', '/api/shows', '/api/carts', '/healthz', '/watch', '/replay', '/console', '/embed.js', '/media/demo/live.m3u8', '/assets/x', '/demo/images/..%2f..%2fpackage.json'),
      fc.tuple(fc.constantFrom('/api/shows/', '/api/carts/', '/watch/', '/prompter/', '/media/demo/seg/', '/api/'), pathSegment, fc.constantFrom('', '/x', '/tokens', '/lines/p-mug', '.ts', '?a[__proto__][polluted]=1')).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), path, rawBody(fc.constant({}), 20_000), auth, garbageAuth, contentType, async (method, p, text, who, garbage, type) => {
        await request(method, p, text, who, garbage, type);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

// ---- sockets ----

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

async function emit(socket: Socket, event: string, args: unknown[]): Promise<void> {
  tried++;
  expect(socket.connected, 'the relay dropped a well-behaved socket').toBe(true);
  const ack = (await socket.timeout(5000).emitWithAck(event, ...args)) as Ack;
  const what = `${event} ${JSON.stringify(args).slice(0, 300)} → ${JSON.stringify(ack).slice(0, 300)}`;
  expect(ack && typeof ack === 'object', what).toBe(true);
  if (ack.ok === true) {
    await settle(false, what);
    return;
  }
  expect(ack.ok, what).toBe(false);
  expectErrorShape({ error: ack.error }, what);
  expect(Object.keys(ack), what).toEqual(['ok', 'error']);
  await settle(true, what);
}

/** The ways a payload reaches a handler: alone, missing, or with extra arguments. */
const args = (payload: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: payload.map((p) => [p]), weight: 6 }, fc.constant<unknown[]>([]), payload.map((p) => [p, p]), fc.tuple(payload, fc.anything()).map(([p, x]) => [p, x]));

const EVENTS: Array<[string, () => Socket, fc.Arbitrary<Record<string, unknown>>]> = [
  ['/viewer track', () => viewer, fc.oneof(trackEvent, fc.record({ events: fc.array(trackEvent, { maxLength: 3 }) }))],
  ['/viewer command', () => viewer, command],
  ['/viewer overlay:get', () => viewer, fc.constant({})],
  ['/producer command', () => producer, command],
  ['/producer cue', () => producer, cue],
  ['/producer suggestion:dismiss', () => producer, dismiss],
  ['/producer rundown:set', () => producer, rundown],
  ['/producer overlay:get', () => producer, fc.constant({})],
  ['/host command', () => host, command],
  ['/host overlay:get', () => host, fc.constant({})],
];

describe('sockets: random, malformed, oversized and polluting payloads', () => {
  for (const [name, socket, valid] of EVENTS) {
    it(name, async () => {
      const event = name.split(' ')[1]!;
      await fc.assert(
        fc.asyncProperty(args(inputs(valid, 40_000)), async (a) => emit(socket(), event, a)),
        { numRuns: RUNS },
      );
    }, TIMEOUT);
  }

  it('unknown events and events of another namespace are ignored, and the socket keeps working', async () => {
    const name = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('cue', 'rundown:set', 'suggestion:dismiss', 'track', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'overlay'));
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('viewer', 'producer', 'host'), name.filter((n) => !reserved.has(n)), junk(20_000), async (which, event, payload) => {
        tried++;
        const socket = { viewer, producer, host }[which as 'viewer'];
        socket.emit(event, payload);
        const ack = (await socket.timeout(5000).emitWithAck('overlay:get', null)) as Ack;
        expect(ack.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('after all of it', () => {
  it('the relay is alive and Object.prototype is not polluted', async () => {
    expect(relay.proc.exitCode).toBeNull();
    expect(await api(relay, 'GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true } });
    const fresh = await api(relay, 'POST', '/api/shows', { id: 'prop-probe', title: 'Probe', catalog: { provider: 'inline', products }, rundown: ['p-mug'] }, ADMIN_TOKEN);
    expect(fresh.status).toBe(201);
    const show = await api(relay, 'GET', '/api/shows/prop-probe');
    expect(show.status).toBe(200);
    expect(JSON.stringify(show.body)).not.toMatch(/polluted/);
    // Same shape as a show made before the fuzzing: no inherited key leaked into a copy.
    expect(Object.keys(show.body as object).sort()).toEqual(showKeys);
    const cart = await api(relay, 'POST', '/api/shows/prop-probe/carts', { sessionId: 'probe' });
    expect(JSON.stringify(cart.body)).not.toMatch(/polluted/);
    const overlay = (await producer.timeout(5000).emitWithAck('overlay:get', null)) as { state: object };
    expect(JSON.stringify(overlay)).not.toMatch(/polluted/);
    // A fresh socket still connects and reads a snapshot.
    const late = await pool.open('/viewer', { show: 'prop-probe' });
    expect(((await late.timeout(5000).emitWithAck('overlay:get', null)) as Ack).ok).toBe(true);
  });
});
