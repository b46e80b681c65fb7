// Dependencies point one way (docs/architecture.md): packages/shared imports no app; the clients (player,
// console/prompter renderer, Electron main) import no relay code; no app imports scripts/ or the test kit from
// its shipped code. Read from every source file's import specifiers, relative ones resolved.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s+['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes('/dist'))
    .map((e) => join(e.parentPath, e.name));
}

/** Each import of `file` as the repository path it reaches, or the package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    return spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec;
  });
}

function offenders(dirs: string[], forbidden: (target: string) => boolean, skip: (file: string) => boolean = () => false): string[] {
  return dirs.flatMap((dir) =>
    sources(dir)
      .filter((f) => !skip(f))
      .flatMap((f) => importsOf(f).filter(forbidden).map((target) => `${relative(ROOT, f)} → ${target}`)),
  );
}

const isTest = (f: string) => /\.test\.tsx?$|\.test-support\.tsx?$/.test(f) || f.includes('/e2e/');
const reachesApp = (t: string) => t.startsWith('apps/') || /^@cuecart\/(relay|desktop|player)(\/|$)/.test(t);
const reachesRelay = (t: string) => t.startsWith('apps/relay') || /^@cuecart\/relay(\/|$)/.test(t);
const reachesScripts = (t: string) => t.startsWith('scripts/');

describe('import direction', () => {
  it('finds the imports it reads (the scan itself works)', () => {
    expect(importsOf(join(ROOT, 'packages/testkit/src/relay-process.ts'))).toContain('@cuecart/relay/launch');
    expect(importsOf(join(ROOT, 'packages/testkit/src/cluster-pair.ts'))).toContain('packages/testkit/src/relay-process.js');
  });

  it('packages/shared imports no app', () => {
    expect(offenders(['packages/shared/src'], reachesApp)).toEqual([]);
  });

  it('no client imports relay code', () => {
    expect(offenders(['apps/player/src', 'apps/desktop/src'], reachesRelay)).toEqual([]);
  });

  it('no app imports scripts/, and shipped app code does not import the test kit', () => {
    expect(offenders(['apps'], reachesScripts)).toEqual([]);
    expect(offenders(['apps'], (t) => t.startsWith('packages/testkit') || t.startsWith('@cuecart/testkit'), isTest)).toEqual([]);
  });
});
