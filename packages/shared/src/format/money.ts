// How money is written, for every app: in the reader's locale, with the currency's own symbol and decimals.
import type { Money } from '../contract/primitives.js';

export interface MoneyFormat {
  /** A BCP 47 locale; the runtime's default when unset. */
  locale?: string | undefined;
  /** "$99" rather than "$99.00" for a whole amount (the prompter's large type). */
  dropWholeCents?: boolean | undefined;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, options: MoneyFormat = {}): string {
  const amount = Number(money.amount);
  const whole = options.dropWholeCents === true && Number.isInteger(amount);
  const key = `${options.locale ?? ''}|${money.currencyCode}|${whole}`;
  try {
    let format = formatters.get(key);
    if (!format) {
      format = new Intl.NumberFormat(options.locale, { style: 'currency', currency: money.currencyCode, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) });
      formatters.set(key, format);
    }
    return format.format(amount);
  } catch {
    // An unknown currency code: still readable.
    return `${money.amount} ${money.currencyCode}`;
  }
}
