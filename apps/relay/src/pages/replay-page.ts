// /replay/:show — the shoppable replay: the player in replay mode, "shop the replay" (one button per chapter),
// the transcript (searchable; a line seeks there), a share button for the moment on screen, deep links
// (?t=SHOWMS), and structured data for search engines: a VideoObject whose chapters are Clips, and the products.
import type { Product, Show } from '@cuecart/shared';
import type { Replay } from '../replay/replay-service.js';
import { html, pageStart, raw, type Raw } from './html.js';
import { price } from './watch-page.js';

/** 83000 → "1:23"; 3723000 → "1:02:03". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** ISO 8601 duration: 192000 → "PT3M12S". */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** JSON inside a <script> element: `<` escaped so no string in it can close the element. */
function jsonLd(value: unknown): Raw {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c'));
}

export function structuredData(show: Show, replay: Replay, base: string): unknown[] {
  const page = `${base}/replay/${encodeURIComponent(show.id)}`;
  const epoch = show.streamEpochMs ?? show.createdAt;
  const image = replay.products.find((p) => p.imageUrl)?.imageUrl;
  const absolute = (url: string) => (url.startsWith('/') ? `${base}${url}` : url);
  const video = {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: show.title,
    description: `The replay of ${show.title}: ${replay.chapters.map((c) => c.title).join(', ')}.`,
    uploadDate: new Date(epoch + replay.startMs).toISOString(),
    duration: isoDuration(replay.durationMs),
    ...(image ? { thumbnailUrl: [absolute(image)] } : {}),
    ...(replay.recordingUrl ? { contentUrl: absolute(replay.recordingUrl) } : {}),
    embedUrl: page,
    hasPart: replay.chapters.map((c) => ({
      '@type': 'Clip',
      name: c.title,
      startOffset: Math.round((c.startMs - replay.startMs) / 1000),
      endOffset: Math.round((c.endMs - replay.startMs) / 1000),
      url: `${page}?t=${c.startMs}`,
    })),
  };
  const products = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: `Products in ${show.title}`,
    itemListElement: replay.products.map((p, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: {
        '@type': 'Product',
        name: p.title,
        ...(p.imageUrl ? { image: absolute(p.imageUrl) } : {}),
        ...(p.description ? { description: p.description } : {}),
        ...(p.sku ? { sku: p.sku } : {}),
        offers: { '@type': 'Offer', price: p.price.amount, priceCurrency: p.price.currencyCode, availability: `https://schema.org/${p.available ? 'InStock' : 'OutOfStock'}` },
      },
    })),
  };
  return [video, products];
}

export function replayPage(show: Show, replay: Replay, base: string, startMs: number | null): string {
  const byId = new Map<string, Product>(replay.products.map((p) => [p.id, p]));
  const chapters: Raw[] = replay.chapters.map((c) => {
    const p = byId.get(c.productId);
    return html`<li><button type="button" class="chapter" data-ms="${c.startMs}" data-end-ms="${c.endMs}" data-product-id="${c.productId}" data-testid="chapter">
        ${p?.imageUrl ? html`<img src="${p.imageUrl}" alt="" width="56" height="56" loading="lazy">` : html`<span class="noimg"></span>`}
        <span class="what"><strong>${c.title}</strong><span>${clock(c.startMs - replay.startMs)}${p ? html` · ${price(p)}` : html``}${c.kind === 'mention' ? html` · <em>mentioned</em>` : html``}</span></span>
        <span class="shop">Shop</span>
      </button></li>`;
  });
  const lines: Raw[] = replay.transcript.map(
    (s) => html`<li><button type="button" class="line" data-ms="${s.startMs}" data-testid="transcript-line"><time>${clock(s.startMs - replay.startMs)}</time> <span>${s.text}</span></button></li>`,
  );
  const [video, products] = structuredData(show, replay, base);
  return html`${pageStart(
    `${show.title} · Replay`,
    html`<meta name="description" content="Shop the replay of ${show.title}.">
<link rel="canonical" href="${base}/replay/${encodeURIComponent(show.id)}">
<link rel="stylesheet" href="/assets/replay.css">
<script type="application/ld+json">${jsonLd(video)}</script>
<script type="application/ld+json">${jsonLd(products)}</script>
<script type="module" src="/embed.js"></script>
<script type="module" src="/assets/replay-page.js"></script>`,
  )}
</head>
<body>
<header class="brand"><span class="logo">Autumn&nbsp;Edit</span><nav><a href="#">Shop</a><a href="#">Journal</a><a href="#">Live</a></nav></header>
<main class="replay" data-show="${show.id}" data-start-ms="${replay.startMs}"${startMs === null ? html`` : html` data-t="${startMs}"`}>
  <section class="hero">
    <p class="eyebrow">Replay${replay.durationMs ? html` · ${clock(replay.durationMs)}` : html``}</p>
    <h1>${show.title}</h1>
    <cuecart-player show="${show.id}" mode="replay"></cuecart-player>
    <div class="share-row"><button type="button" class="share" data-testid="share">Share this moment</button><span class="share-note" role="status" data-testid="share-note"></span></div>
  </section>
  <div class="replay-columns">
    <section class="chapters" aria-labelledby="chapters-title">
      <h2 id="chapters-title">Shop the replay</h2>
      ${replay.chapters.length ? html`<ol>${chapters}</ol>` : html`<p class="empty">No product was shown in this show.</p>`}
    </section>
    <section class="transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <input type="search" class="search" placeholder="Search what was said" aria-label="Search the transcript" data-testid="transcript-search">
      <p class="search-note" role="status" data-testid="search-note"></p>
      ${replay.transcript.length ? html`<ol class="lines">${lines}</ol>` : html`<p class="empty">No transcript for this show.</p>`}
    </section>
  </div>
</main>
<footer>Tap a card in the video to see the product and add it to your cart; the video pauses while you shop.</footer>
</body>
</html>
`.value;
}
