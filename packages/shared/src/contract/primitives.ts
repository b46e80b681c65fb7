// Small shared field schemas: ids, money, URLs, times.
import { z } from 'zod';

/** Ids we mint or accept in URLs: shows. Letters, digits, dash and underscore. */
export const ShowId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use 1–64 letters, digits, "-" or "_"');

/** Ids that come from catalogs (Shopify gids, numbers, SKUs): any printable text without spaces. */
export const ExternalId = z.string().min(1).max(256).regex(/^[^\s\u0000-\u001f]+$/, 'must not contain spaces or control characters');

/** Client-made ids (command ids, segment ids, session ids). */
export const ClientId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, "_", ".", ":" or "-"');

export const Money = z.object({
  amount: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a decimal amount like "49.00"'),
  currencyCode: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "USD"'),
});
export type Money = z.infer<typeof Money>;

/** Links and images: absolute http(s) or a path on the relay. Never javascript: or data:. */
export const SafeUrl = z.string().max(2048).regex(/^(https?:\/\/[^\s]+|\/(?![/\\])[^\s]*)$/i, 'must be an http(s) URL or a path starting with "/"');

/** Show milliseconds (DESIGN.md "Time"). */
export const MediaMs = z.number().int().min(0).max(7 * 24 * 3600 * 1000);

/** Wall-clock epoch milliseconds. */
export const EpochMs = z.number().int().min(0).max(8.64e15);

/** Short one-line text shown on air: trimmed, no control characters and no bidi overrides (which can disguise text). */
export function displayText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/, 'must be one line without control or direction-override characters');
}
