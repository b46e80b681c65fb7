// One relay for a whole test file: started before its first test, stopped after its last (it must exit 0),
// its data dir removed. `restart()` stops it and starts it again on the same data dir.
import { afterAll, beforeAll, expect } from 'vitest';
import { removeDataDir, startRelay, type RelayProcess } from './relay-process.js';

export function suiteRelay(options: Parameters<typeof startRelay>[0] = {}) {
  let current: RelayProcess | undefined;
  beforeAll(async () => {
    current = await startRelay(options);
  });
  afterAll(async () => {
    if (!current) return;
    expect(await current.stop()).toBe(0);
    removeDataDir(current.dataDir);
  });
  return {
    get relay(): RelayProcess {
      if (!current) throw new Error('the suite relay is not started yet: use it inside a test or a beforeAll after this call');
      return current;
    },
    async restart(): Promise<void> {
      const dataDir = this.relay.dataDir;
      await this.relay.stop();
      current = await startRelay({ ...options, dataDir });
    },
  };
}
