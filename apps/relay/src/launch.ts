// Starting the relay as a child process: where its entry point is, and waiting until it says it listens.
// The one home for this: `npm start`, `npm run desktop`, the test kit and the benchmarks all use it
// (import from "@cuecart/relay/launch"). The relay prints "listening on http://HOST:PORT" when it is ready,
// and with the demo show, a line "  producer:  TOKEN".
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built relay's entry point (apps/relay/dist/main.js). */
export const RELAY_MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

const LISTENING_LINE = /^listening on (http\S+)$/m;
const PRODUCER_LINE = /^\s*producer:\s+(\S+)$/m;

export interface Listening {
  url: string;
  /** The demo show's producer token, when `demoToken` was asked for. */
  producerToken?: string;
}

export interface UntilListeningOptions {
  /** How long the process may take to listen; then it is killed (it would keep its port and data dir). */
  timeoutMs?: number;
  /** Also wait for the demo show's producer token line. */
  demoToken?: boolean;
  /** Called with each chunk of stdout, e.g. to echo it. */
  onOutput?: (chunk: string) => void;
  /** What the process is called in errors. */
  name?: string;
}

/**
 * Resolves once `child` (the relay, or anything that prints the same line) listens. Reads whole lines only,
 * since a chunk can end in the middle of a URL or a token. Rejects, with what the process printed, when it
 * exits first, fails to spawn, or does not listen in time (and then kills it).
 */
export function untilListening(child: ChildProcess, options: UntilListeningOptions = {}): Promise<Listening> {
  const { timeoutMs = 30_000, demoToken = false, onOutput, name = 'the relay' } = options;
  const stdout = child.stdout;
  if (!stdout) return Promise.reject(new Error(`${name} was spawned without a stdout pipe: use stdio "pipe" for it`));
  let seen = '';
  let tail = '';
  const keepTail = (chunk: Buffer | string): void => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stderr?.on('data', keepTail);
  return new Promise<Listening>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.off('data', keepTail);
    };
    const fail = (why: string): void => {
      done();
      reject(new Error(`${name} ${why}${tail.trim() ? `:\n${tail.trim()}` : ''}`));
    };
    const onData = (chunk: Buffer | string): void => {
      const text = chunk.toString();
      onOutput?.(text);
      keepTail(text);
      seen += text;
      const lines = seen.slice(0, seen.lastIndexOf('\n') + 1);
      const url = LISTENING_LINE.exec(lines)?.[1];
      const producerToken = demoToken ? PRODUCER_LINE.exec(lines)?.[1] : undefined;
      if (!url || (demoToken && !producerToken)) return;
      done();
      resolve(producerToken ? { url, producerToken } : { url });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(`exited (code ${code}, signal ${signal}) before it listened`);
    const onError = (error: Error): void => fail(`could not start (${error.message})`);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`did not print "listening on"${demoToken ? ' and a producer token' : ''} within ${timeoutMs} ms (killed)`);
    }, timeoutMs);
    stdout.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
