// The packaged app's Electron fuses (electron-builder.yml `electronFuses`), read from the file itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/** The `key: value` lines of one top-level block of a YAML file (enough for a flat block of booleans). */
function yamlBlock(text: string, name: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `${name}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('electron-builder fuses', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption and ASAR-only loading with integrity checks', () => {
    const fuses = yamlBlock(readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8'), 'electronFuses');
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('are all named as the installed electron-builder spells them (a misspelt fuse is silently ignored)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    const fuses = yamlBlock(readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8'), 'electronFuses');
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
  });
});
