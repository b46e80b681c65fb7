// Decimal money as strings (Shopify style), summed exactly in ten-thousandths.
import type { Money } from '@cuecart/shared';

const SCALE = 10_000;

export function toUnits(amount: string): number {
  const [whole = '0', frac = ''] = amount.split('.');
  return Number(whole) * SCALE + Number((frac + '0000').slice(0, 4));
}

export function fromUnits(units: number, currencyCode: string): Money {
  const whole = Math.floor(units / SCALE);
  const digits = String(units % SCALE).padStart(4, '0');
  // Two decimals as usual; more only when a price really has them.
  const frac = digits.endsWith('00') ? digits.slice(0, 2) : digits.replace(/0+$/, '');
  return { amount: `${whole}.${frac}`, currencyCode };
}

export function times(price: Money, quantity: number): number {
  return toUnits(price.amount) * quantity;
}

/** A store's Decimal ("68.0", "24.5", "10") as Cuecart writes money ("68.00", "24.50", "10.00"). */
export function moneyOf(amount: string, currencyCode: string): Money {
  return fromUnits(toUnits(amount), currencyCode);
}
