// Which relay the app talks to, and with which producer token: --relay/--token, else CUECART_RELAY/CUECART_TOKEN,
// else the last connection (kept in connection.json, the token encrypted with the OS keychain when there is one),
// else nothing, and the app shows its connect page.
import type { SafeStorage } from 'electron';
import { ShowId } from '@cuecart/shared';
import { z } from 'zod';
import { readJsonFile, writeJsonFile, type JsonFs } from './json-file.js';
import { relayOriginFrom } from './url-guard.js';

export const RelayUrl = z
  .string()
  .transform((value, ctx) => {
    const origin = relayOriginFrom(value);
    if (origin === null) {
      ctx.addIssue({ code: 'custom', message: 'the relay address must be an http(s) address such as https://relay.example.com (no path, no user name)' });
      return z.NEVER;
    }
    return origin;
  });

/** The relay's own limit; no spaces or control characters, which also keeps it safe in a URL fragment. */
export const Token = z
  .string()
  .trim()
  .min(1, 'a producer token is required: ask the show admin for one')
  .max(4096, 'the token is too long to be a Cuecart token')
  .regex(/^[^\s\u0000-\u001f]+$/, 'the token must not contain spaces');

export const Connection = z.object({ relay: RelayUrl, token: Token });
export type Connection = z.infer<typeof Connection>;

export type ConnectionSource = 'args' | 'env' | 'saved';

/** `--name=value` or `--name value`; Chromium's own switches and the app path are ignored. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}

export type ResolvedConnection =
  | { ok: true; connection: Connection; source: ConnectionSource }
  | { ok: false; problem?: string; relay?: string };

/**
 * The connection to open at launch. A relay given on the command line or in the environment wins; its token may come
 * from the other place (a token in the environment stays out of `ps`). A saved token is reused only for the same relay.
 */
export function resolveConnection(argv: readonly string[], env: Record<string, string | undefined>, saved: Connection | null): ResolvedConnection {
  const argRelay = readFlag(argv, 'relay');
  const envRelay = env.CUECART_RELAY || undefined;
  const relay = argRelay ?? envRelay;
  const token = readFlag(argv, 'token') ?? (env.CUECART_TOKEN || undefined);
  if (relay === undefined) {
    if (saved) return { ok: true, connection: saved, source: 'saved' };
    return { ok: false };
  }
  const source: ConnectionSource = argRelay !== undefined ? 'args' : 'env';
  const parsedRelay = RelayUrl.safeParse(relay);
  if (!parsedRelay.success) return { ok: false, problem: parsedRelay.error.issues[0]?.message ?? 'bad relay address' };
  const candidate = token ?? (saved && saved.relay === parsedRelay.data ? saved.token : undefined);
  const parsed = Connection.safeParse({ relay, token: candidate ?? '' });
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'bad connection', relay: parsedRelay.data };
  return { ok: true, connection: parsed.data, source };
}

const SavedConnectionFile = z.object({
  version: z.literal(1),
  relay: RelayUrl,
  token: z.union([z.object({ encrypted: z.string().min(1) }), z.object({ plain: z.string().min(1) })]),
});

export type TokenCipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/** How a saved token ended up on disk: encrypted by the OS keychain, in plain text (no keychain), or not at all. */
export type SaveOutcome = 'encrypted' | 'unencrypted' | 'not-saved';

export interface ConnectionStore {
  /** Where the connection is kept. */
  readonly file: string;
  load(): Connection | null;
  save(connection: Connection): SaveOutcome;
}

/**
 * What to tell the producer when the token could only be kept unencrypted: said out loud, never done silently.
 * Null when there is nothing to say.
 */
export function tokenStorageNotice(outcome: SaveOutcome, file: string, platform: string): { type: 'warning'; title: string; message: string; detail: string; buttons: string[] } | null {
  if (outcome !== 'unencrypted') return null;
  const keychain =
    platform === 'linux'
      ? 'Linux has no keyring running for this session (install and unlock GNOME Keyring or KWallet, then start Cuecart again)'
      : 'the operating system refused to encrypt it';
  return {
    type: 'warning',
    title: 'Relay token kept unencrypted',
    message: 'Your relay token is saved on this computer without encryption.',
    detail: `Cuecart could not encrypt it because ${keychain}. It is in ${file}: anyone who can read your user account's files can use it to produce this show until it expires. Delete that file to forget it, or ask the show admin to revoke the token if this computer is shared.`,
    buttons: ['OK'],
  };
}

/** The same warning on the connect page, before the producer pastes a token it could only keep in plain text. */
export function connectPageWarning(cipher: Pick<TokenCipher, 'isEncryptionAvailable'>, file: string, platform: string): string | null {
  if (cipher.isEncryptionAvailable()) return null;
  const notice = tokenStorageNotice('unencrypted', file, platform)!;
  return `${notice.message.replace('is saved', 'will be saved')} ${notice.detail.replace('It is in', 'It will be in')}`;
}

export function createConnectionStore(fs: JsonFs, dir: string, join: (...parts: string[]) => string, cipher: TokenCipher): ConnectionStore {
  const file = join(dir, 'connection.json');
  return {
    file,
    load() {
      const saved = readJsonFile(fs, file, SavedConnectionFile.nullable(), null);
      if (!saved) return null;
      let token: string;
      try {
        token = 'encrypted' in saved.token ? cipher.decryptString(Buffer.from(saved.token.encrypted, 'base64')) : saved.token.plain;
      } catch {
        return null; // another user's or machine's keychain: ask again
      }
      const parsed = Connection.safeParse({ relay: saved.relay, token });
      return parsed.success ? parsed.data : null;
    },
    save({ relay, token }) {
      const encrypted = cipher.isEncryptionAvailable();
      const stored = encrypted ? { encrypted: cipher.encryptString(token).toString('base64') } : { plain: token };
      try {
        writeJsonFile(fs, dir, file, { version: 1, relay, token: stored });
      } catch {
        // Connected for this session; the next launch asks again.
        return 'not-saved';
      }
      return encrypted ? 'encrypted' : 'unencrypted';
    },
  };
}

/**
 * The show a token is for, read from its (unverified) JWT claims so "Open prompter" knows where to go before the
 * console asks. Only used to build a URL: the relay verifies the token on every use.
 */
export function showIdFromToken(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const show = z.object({ show: ShowId }).safeParse(claims);
    return show.success ? show.data.show : null;
  } catch {
    return null;
  }
}
