// Escaping for the few pages the relay renders itself: every catalog string goes through here.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export function html(strings: TemplateStringsArray, ...values: Array<string | number | Raw | Raw[]>): Raw {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += toHtml(v) + strings[i + 1]!;
  });
  return new Raw(out);
}

export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function toHtml(v: string | number | Raw | Raw[]): string {
  if (Array.isArray(v)) return v.map((r) => r.value).join('');
  if (v instanceof Raw) return v.value;
  return escapeHtml(String(v));
}

/** Text the page inserts as it is: only for markup this relay made (JSON-LD already escaped). */
export function raw(value: string): Raw {
  return new Raw(value);
}

/**
 * The opening every page of the relay shares, up to its own head lines: doctype, charset, viewport, the icon,
 * the title, the brand page's stylesheet. The page adds its `extra` head lines and closes the head itself.
 */
export function pageStart(title: string, extra: Raw = html``): Raw {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<title>${title}</title>
<link rel="stylesheet" href="/assets/watch.css">
${extra}`;
}
