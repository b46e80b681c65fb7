// /watch/:show — a brand-like product page with the player embedded the way a brand would embed it.
import type { Product, Show } from '@cuecart/shared';
import { html, pageStart, type Raw } from './html.js';

export function price(p: Product): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: p.price.currencyCode }).format(Number(p.price.amount));
  } catch {
    return `${p.price.amount} ${p.price.currencyCode}`;
  }
}

export function watchPage(show: Show, products: Product[]): string {
  const items: Raw[] = products.map(
    (p) => html`<li>
        <button type="button" class="product" data-product-id="${p.id}" aria-label="${p.title}, ${price(p)}${p.available ? '' : ', sold out'}: open in the video">
          ${p.imageUrl ? html`<img src="${p.imageUrl}" alt="" loading="lazy" width="96" height="96">` : html``}
          <span class="text"><strong>${p.title}</strong><span>${price(p)}${p.available ? '' : ' · sold out'}</span></span>
          <span class="open">View</span>
        </button>
      </li>`,
  );
  return html`${pageStart(`${show.title} · Live`, html`<script type="module" src="/embed.js"></script>
<script type="module" src="/assets/watch-page.js"></script>`)}
</head>
<body>
<header class="brand"><span class="logo">Autumn&nbsp;Edit</span><nav><a href="#">Shop</a><a href="#">Journal</a><a href="#">Live</a></nav></header>
<main>
  <section class="hero">
    <p class="eyebrow">${show.status === 'live' ? 'Live now' : show.status === 'ended' ? 'Replay' : 'Live shopping'}</p>
    <h1>${show.title}</h1>
    <cuecart-player show="${show.id}"></cuecart-player>
  </section>
  <section class="lineup">
    <h2>In this show</h2>
    <ul>${items}</ul>
  </section>
</main>
<footer>Shopping happens inside the video: tap a product card, or a product above, to add it to your cart.</footer>
</body>
</html>
`.value;
}
