// A product image, only from http(s) or relay paths; a placeholder with the initial otherwise.
import { safeImageUrl } from '../../lib/format.js';

export function ProductThumb({ url, title, size = 40 }: { url: string | undefined; title: string; size?: number }) {
  const src = safeImageUrl(url);
  const style = { width: size, height: size };
  if (!src) return <span className="thumb thumb-empty" style={style} aria-hidden="true">{initial(title)}</span>;
  return <img className="thumb" src={src} alt="" width={size} height={size} style={style} loading="lazy" referrerPolicy="no-referrer" />;
}

/** The first character as a person sees it (an emoji is two UTF-16 units: never cut it in half). */
function initial(title: string): string {
  return (Array.from(title.trim())[0] ?? '').toUpperCase();
}
