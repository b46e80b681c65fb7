// A show as a calendar event (RFC 5545): what "add to calendar" on the watch page downloads.

/** How long the event is when nothing says otherwise: most live shopping shows run under an hour. */
export const DEFAULT_EVENT_MINUTES = 60;

export interface CalendarShow {
  id: string;
  title: string;
  /** ISO 8601 with a zone. */
  scheduledStartAt: string;
}

export interface CalendarOptions {
  watchUrl: string;
  /** The relay's host, for a UID that stays the same however often the file is downloaded. */
  host: string;
  /** Product titles of the rundown, for the description. */
  products?: readonly string[];
  now?: number;
  minutes?: number;
}

/** The .ics text of one show, CRLF line ends, long lines folded at 75 octets. */
export function showCalendar(show: CalendarShow, options: CalendarOptions): string {
  const start = Date.parse(show.scheduledStartAt);
  const end = start + (options.minutes ?? DEFAULT_EVENT_MINUTES) * 60_000;
  const products = options.products?.length ? `\nIn this show: ${options.products.join(', ')}.` : '';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cuecart//Live shopping shows//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(show.id)}@${escapeText(options.host)}`,
    `DTSTAMP:${utc(options.now ?? Date.now())}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(show.title)}`,
    `DESCRIPTION:${escapeText(`Watch and shop live: ${options.watchUrl}${products}`)}`,
    `URL:${options.watchUrl}`,
    `LOCATION:${escapeText(options.watchUrl)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(`${show.title} starts in 10 minutes`)}`,
    'TRIGGER:-PT10M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 20261224T180000Z */
export function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
