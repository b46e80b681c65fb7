// Producer commands: the only way overlay state changes. Each carries a client-made id.
import { z } from 'zod';
import { ApiError } from './errors.js';
import { Badge, Banner, Offer, ShowStatus } from './overlay.js';
import { ClientId, ExternalId, MediaMs } from './primitives.js';

const base = { id: ClientId };

export const FeatureCommand = z.object({
  ...base,
  type: z.literal('feature'),
  productId: ExternalId,
  badge: Badge.optional(),
  offer: Offer.optional(),
  mediaMs: MediaMs.optional(),
  /** Default true: the new card replaces whatever is on air. */
  exclusive: z.boolean().optional(),
});
export const UnfeatureCommand = z.object({ ...base, type: z.literal('unfeature'), productId: ExternalId });
export const ClearCommand = z.object({ ...base, type: z.literal('clear') });
export const BannerCommand = z.object({ ...base, type: z.literal('banner'), text: Banner.shape.text, endsAt: Banner.shape.endsAt });
export const BannerClearCommand = z.object({ ...base, type: z.literal('banner.clear') });
export const StatusCommand = z.object({ ...base, type: z.literal('status'), status: ShowStatus });

export const Command = z.discriminatedUnion('type', [
  FeatureCommand,
  UnfeatureCommand,
  ClearCommand,
  BannerCommand,
  BannerClearCommand,
  StatusCommand,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];

export const Ack = z.union([
  z.object({ ok: z.literal(true), seq: z.number().int().min(1) }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type Ack = z.infer<typeof Ack>;

/** A producer → host cue, flashed on the prompter. */
export const CueBody = z.object({ id: ClientId, text: z.string().trim().min(1).max(200) });
export type CueBody = z.infer<typeof CueBody>;
export const Cue = CueBody.extend({ at: z.number().int(), from: z.string().max(64) });
export type Cue = z.infer<typeof Cue>;
