// How many sockets each address holds open at once, so one client cannot take every connection a relay has.
import { clientKey } from './client-address.js';

export class AddressCap {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for this address; false when it already holds `max`. */
  admit(address: string): boolean {
    const key = clientKey(address);
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  release(address: string): void {
    const key = clientKey(address);
    const n = (this.open.get(key) ?? 0) - 1;
    if (n > 0) this.open.set(key, n);
    else this.open.delete(key);
  }

  count(address: string): number {
    return this.open.get(clientKey(address)) ?? 0;
  }
}
