// The page for a show that does not exist: what happened, what to check, and a way on (back, or the demo).
import { html, pageStart } from './html.js';

export function notFoundPage(showId: string, demo: { id: string; title: string } | null): string {
  return html`${pageStart('No such show', html`<script type="module" src="/assets/not-found.js"></script>`)}
</head>
<body>
<main class="not-found" data-testid="not-found">
  <p class="eyebrow">Not found</p>
  <h1>There is no show called “${showId}”</h1>
  <p>The link may have a typo, or the show may have been removed. Check the address you were sent; if you came from a shop’s site, its page for the show has the right link.</p>
  <p class="ways">
    <button type="button" class="back" hidden>Go back</button>
    ${demo ? html`<a class="primary-link" href="/watch/${demo.id}">Watch ${demo.title}</a>` : html``}
  </p>
</main>
</body>
</html>
`.value;
}
