import { describe, expect, it } from 'vitest';
import { escapeText, fold, showCalendar, utc } from './calendar.js';

describe('show calendar event', () => {
  const ics = showCalendar({ id: 'spring', title: 'Spring, live', scheduledStartAt: '2030-03-01T09:00:00-05:00' }, { watchUrl: 'https://relay.example/watch/spring', host: 'relay.example', now: Date.UTC(2030, 0, 1), products: ['Mug'] });

  it('puts the start in UTC and the end an hour later, with CRLF line ends', () => {
    expect(ics).toContain('DTSTART:20300301T140000Z\r\nDTEND:20300301T150000Z\r\n');
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text values and keeps the UID stable', () => {
    expect(ics).toContain('SUMMARY:Spring\\, live\r\n');
    expect(ics).toContain('UID:spring@relay.example\r\n');
    expect(escapeText('a;b\\c\nd\u0007')).toBe('a\\;b\\\\c\\nd');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('writes UTC stamps without separators', () => {
    expect(utc(Date.UTC(2030, 11, 24, 18, 5, 9, 123))).toBe('20301224T180509Z');
  });
});
