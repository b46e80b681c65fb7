// The part of proxy-addr (Express's own X-Forwarded-For reader) the relay uses; the package ships no types.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  type Trust = (address: string, hop: number) => boolean;
  function proxyaddr(req: IncomingMessage, trust: Trust | string | string[]): string;
  namespace proxyaddr {
    function compile(value: string | string[]): Trust;
  }
  export = proxyaddr;
}
