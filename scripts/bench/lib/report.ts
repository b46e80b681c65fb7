// Writes one benchmark's section into BENCHMARKS.md, leaving every other section as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_PATH = join(fileURLToPath(new URL('../../../', import.meta.url)), 'BENCHMARKS.md');

/** `section` starts with its own "## heading" line; it replaces the section with that heading, or is appended. */
export function writeSection(section: string, path = BENCHMARKS_PATH): void {
  const heading = section.split('\n', 1)[0]!;
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // From the heading to the next "## " heading or the end of the file.
  const re = new RegExp(`${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = re.test(doc) ? doc.replace(re, section.trimEnd() + '\n') : doc.trimEnd() + '\n\n' + section;
  writeFileSync(path, next.endsWith('\n') ? next : next + '\n');
}
