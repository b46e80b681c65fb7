import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { untilListening } from './launch.js';

/** A stand-in process that prints `script`'s lines with pauses, like a relay coming up. */
const fake = (script: string) => spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('untilListening', () => {
  it('resolves with the URL once the whole line is there, even when it comes in pieces', async () => {
    const child = fake(`process.stdout.write('listening on http://127.0.0.1:'); setTimeout(() => { process.stdout.write('4455\\n'); setTimeout(() => {}, 2000); }, 100);`);
    const up = await untilListening(child, { timeoutMs: 5000 });
    expect(up).toEqual({ url: 'http://127.0.0.1:4455' });
    child.kill();
  });

  it('waits for the demo producer token when asked', async () => {
    const child = fake(`console.log('listening on http://127.0.0.1:1'); setTimeout(() => { console.log('  producer:  tok.en'); setTimeout(() => {}, 2000); }, 150);`);
    const seen: string[] = [];
    const up = await untilListening(child, { timeoutMs: 5000, demoToken: true, onOutput: (c) => seen.push(c) });
    expect(up).toEqual({ url: 'http://127.0.0.1:1', producerToken: 'tok.en' });
    expect(seen.join('')).toContain('producer:');
    child.kill();
  });

  it('rejects with what the process said when it exits before listening', async () => {
    const child = fake(`console.error('cuecart relay: port 4455 is in use'); process.exit(3);`);
    await expect(untilListening(child, { timeoutMs: 5000 })).rejects.toThrow(/exited \(code 3.*\n.*port 4455 is in use/s);
  });

  it('kills a process that never listens', async () => {
    const child = fake(`setTimeout(() => {}, 60000);`);
    await expect(untilListening(child, { timeoutMs: 300, name: 'the bare server' })).rejects.toThrow(/the bare server did not print "listening on" within 300 ms/);
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
  });
});
