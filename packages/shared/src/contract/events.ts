// The Socket.IO event maps of each namespace. The relay types its namespaces with them as
// <ClientToServer, ServerToClient> (apps/relay/src/sockets/typed.ts), clients with the generics swapped:
// renaming an event or changing its payload fails to compile on both sides.
import type { Ack, Command, Cue, CueBody } from './commands.js';
import type { StoreStatus } from './commerce.js';
import type { ApiError } from './errors.js';
import type { OverlayState } from './overlay.js';
import type { Product } from './product.js';
import type { Suggestion, SuggestionDismiss } from './suggestion.js';
import type { RundownSet } from './show.js';
import type { TrackEvent } from './track.js';
import type { TranscriptSegment } from './transcript.js';

export type Reply<T> = (answer: T) => void;

/** DESIGN.md "Analytics": the producer's live tiles. */
export interface LiveMetrics {
  /** Distinct sessions with a view or heartbeat in the last 20 s (two heartbeats). */
  viewersNow: number;
  perCard: { cardId: string; productId: string; clicks: number; addToCarts: number }[];
}
export type OkOrError = { ok: true } | { ok: false; error: ApiError };
export type SnapshotAnswer = { ok: true; state: OverlayState } | { ok: false; error: ApiError };

export const NAMESPACES = ['/viewer', '/producer', '/host'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** One producer console connected to a show. */
export interface PresenceEntry {
  id: string;
  name: string;
  connectedAt: number;
}
export interface Presence {
  showId: string;
  producers: PresenceEntry[];
}

/** A product on the prompter's rundown, with the talking points a host needs. */
export interface RundownItem {
  slot: number;
  product: Product;
}

/** A line of the console's activity log: who did what, when. */
export interface Activity {
  seq: number;
  commandId: string;
  type: Command['type'];
  productId?: string;
  /** A status command's new status ("went live"). */
  status?: 'scheduled' | 'live' | 'ended';
  /** A banner command's text. */
  text?: string;
  by: string;
  at: number;
}

interface SnapshotRequest {
  /** Ask for the full state, e.g. after seeing a gap in `seq`. */
  'overlay:get': (reply: Reply<SnapshotAnswer>) => void;
}

/** Not this role's to send: the relay answers `forbidden` (only a producer token on /producer changes the overlay). */
interface RefusedCommand {
  command: (command: unknown, reply?: Reply<OkOrError>) => void;
}

export interface ViewerServerToClient {
  overlay: (state: OverlayState) => void;
  products: (products: Product[]) => void;
}
export interface ViewerClientToServer extends SnapshotRequest, RefusedCommand {
  track: (event: TrackEvent | { events: TrackEvent[] }, reply?: Reply<OkOrError>) => void;
}

export interface ProducerServerToClient {
  overlay: (state: OverlayState) => void;
  transcript: (segment: TranscriptSegment) => void;
  suggestion: (suggestion: Suggestion) => void;
  presence: (presence: Presence) => void;
  /** While live, at most once a second: viewers now, and per card on air its clicks and adds to cart of the last minute. */
  metrics: (metrics: LiveMetrics) => void;
  cue: (cue: Cue) => void;
  rundown: (items: RundownItem[]) => void;
  activity: (entries: Activity[]) => void;
  /** Products whose price or stock changed while the show is live (a store refresh or webhook). */
  products: (products: Product[]) => void;
  /** The show's store: last confirmed, or failing and why (on connect, and when it changes). */
  'store:status': (status: StoreStatus) => void;
  /** Sent just before the relay disconnects a socket whose token was revoked or rotated. */
  revoked: (error: ApiError) => void;
  /** Sent just before the relay disconnects a socket whose token reached its expiry. */
  'session:expired': (error: ApiError) => void;
}
export interface ProducerClientToServer extends SnapshotRequest {
  command: (command: Command, reply: Reply<Ack>) => void;
  cue: (cue: CueBody, reply?: Reply<OkOrError>) => void;
  'suggestion:dismiss': (body: SuggestionDismiss, reply?: Reply<OkOrError>) => void;
  /** Reorder or change the rundown (slots 1–9 are the first nine). */
  'rundown:set': (body: RundownSet, reply?: Reply<OkOrError>) => void;
  /** The console's heartbeat, a few times a second: a link that stops answering is shown offline within a second. */
  'link:ping': (reply: Reply<{ now: number }>) => void;
}

export interface HostServerToClient {
  overlay: (state: OverlayState) => void;
  rundown: (items: RundownItem[]) => void;
  cue: (cue: Cue) => void;
  revoked: (error: ApiError) => void;
  'session:expired': (error: ApiError) => void;
}
export interface HostClientToServer extends SnapshotRequest, RefusedCommand {}
