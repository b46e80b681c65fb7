// Numbers as hosts say them and recognizers write them ("one hundred forty nine"), 0 to 999,999.
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function spokenNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e6) throw new RangeError(`spokenNumber: ${n} is not a whole number from 0 to 999999`);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${spokenNumber(n % 100)}` : ''}`;
  return `${spokenNumber(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${spokenNumber(n % 1000)}` : ''}`;
}
