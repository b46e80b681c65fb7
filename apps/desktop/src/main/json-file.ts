// Small JSON files in the user-data folder, parsed with zod on read: a missing, corrupt or outdated file gives the fallback.
import type { z } from 'zod';

/** The slice of node:fs the stores use, injected so tests run without a disk. */
export interface JsonFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, options?: { mode?: number }): void;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export function readJsonFile<S extends z.ZodType>(fs: JsonFs, file: string, schema: S, fallback: z.output<S>): z.output<S> {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : fallback;
}

/** Writes to a temporary file and renames it, so a crash mid-write never leaves half a file. Owner-only: it may hold a token. */
export function writeJsonFile(fs: JsonFs, dir: string, file: string, data: unknown): void {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
