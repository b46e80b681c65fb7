// The signing secret and the admin token: from env, else generated once and kept in the data dir.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Secrets {
  secret: string;
  adminToken: string;
  /** What was generated on this start, so it can be printed once. */
  generated: Array<'secret' | 'adminToken'>;
}

export function ensureSecrets(dataDir: string, fromEnv: { secret?: string; adminToken?: string }): Secrets {
  mkdirSync(dataDir, { recursive: true });
  const generated: Secrets['generated'] = [];
  const secret = fromEnv.secret ?? keep(join(dataDir, 'secret'), () => generated.push('secret'));
  const adminToken = fromEnv.adminToken ?? keep(join(dataDir, 'admin-token'), () => generated.push('adminToken'));
  return { secret, adminToken, generated };
}

function keep(file: string, onGenerate: () => void): string {
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  chmodSync(file, 0o600); // `mode` only applies when the file is new; an old unusable file may be world-readable
  onGenerate();
  return value;
}
