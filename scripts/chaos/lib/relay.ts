// Starts the built relay like apps/relay/e2e/support/relay-process.ts, with a longer start budget (a restart
// during a reconnect storm on a busy 2-core machine can take over 10 s) and a kill when that budget runs
// out, so a slow start never leaves an orphan relay holding the port and the data dir.
import { spawn } from 'node:child_process';
import { ADMIN_TOKEN, RELAY_MAIN, type RelayProcess } from '../../../apps/relay/e2e/support/relay-process.js';

export async function startRelaySlow(options: { dataDir: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RelayProcess> {
  const proc = spawn(process.execPath, [RELAY_MAIN], {
    env: { ...process.env, CUECART_PORT: '0', CUECART_HOST: '127.0.0.1', CUECART_DATA_DIR: options.dataDir, CUECART_ADMIN_TOKEN: ADMIN_TOKEN, CUECART_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const timeoutMs = options.timeoutMs ?? 45_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`relay did not start in ${timeoutMs} ms (killed):\n${out}`));
    }, timeoutMs);
    proc.stdout!.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url,
    dataDir: options.dataDir,
    proc,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
