// An in-memory JsonFs for the store tests.
import type { JsonFs } from './json-file.js';

export function memoryFs(files: Record<string, string> = {}): JsonFs & { files: Record<string, string> } {
  return {
    files,
    readFileSync(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFileSync(path, data) {
      files[path] = data;
    },
    renameSync(from, to) {
      files[to] = files[from]!;
      delete files[from];
    },
    mkdirSync: () => undefined,
  };
}

export const join = (...parts: string[]) => parts.join('/');
