// What viewers see now: up to three cards with their time on air, the banner, take-off and the panic clear.
import type { Card, Product } from '@cuecart/shared';
import { formatClockTime, formatElapsed, formatMoney } from '../../lib/format.js';
import { useEnded, useNow } from '../../lib/use-now.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { useCatalog } from '../catalog/catalog-store.js';
import { clearAir, takeOff } from '../console/console-actions.js';
import { formatCountdown } from '../composer/offer-model.js';
import { useSettings } from '../settings/settings-store.js';
import { formatShowTime } from '../transcript/transcript-model.js';
import { useOverlay } from './overlay-store.js';
import { cardMetricsText, useMetrics } from './metrics-store.js';

/** The live tile: sessions watching now (while live). */
function ViewersNow({ live }: { live: boolean }) {
  const viewers = useMetrics((s) => s.metrics?.viewersNow);
  if (!live || viewers === undefined) return null;
  return (
    <span className="pill pill-viewers" data-testid="viewers-now" title="Viewers watching now (a view or heartbeat in the last 20 s)">
      {viewers} watching
    </span>
  );
}

function CardMetrics({ cardId }: { cardId: string }) {
  const text = useMetrics((s) => cardMetricsText(s.metrics, cardId));
  return text ? (
    <div className="on-air-metrics" data-testid="card-metrics">
      {text}
    </div>
  ) : null;
}

export function OnAirPanel() {
  const overlay = useOverlay((s) => s.overlay);
  const clearKey = useSettings((s) => s.settings.bindings.clear);
  const cards = overlay?.featured ?? [];
  return (
    <section className="panel on-air" aria-label="On air">
      <header className="panel-head">
        <h2>On air</h2>
        <span className={`pill ${cards.length ? 'pill-live' : ''}`}>{cards.length ? `${cards.length} card${cards.length > 1 ? 's' : ''}` : 'nothing'}</span>
        <ViewersNow live={overlay?.status === 'live'} />
        {overlay && <span className="muted">seq {overlay.seq}</span>}
      </header>
      <div className="on-air-body">
        <div className="on-air-cards">
          {cards.length === 0 && <p className="empty">No card on air.</p>}
          {cards.map((card) => (
            <OnAirCard key={card.cardId} card={card} />
          ))}
        </div>
        <button type="button" className="panic" data-testid="panic-clear" onClick={clearAir} title={`Everything off air (${clearKey})`}>
          PANIC
          <br />
          CLEAR
          <kbd>{clearKey}</kbd>
        </button>
      </div>
      {overlay?.banner && <BannerLine text={overlay.banner.text} endsAt={overlay.banner.endsAt} />}
    </section>
  );
}

/** The card with the store's newer price and stock, once the store confirmed them after the fire (as viewers see it). */
export function liveCard(card: Card, live: Product | undefined): Card {
  if (!live || live.checkedAt === undefined || live.checkedAt < card.firedAt) return card;
  const { compareAtPrice: _was, ...rest } = card;
  return { ...rest, price: live.price, available: live.available, ...(live.compareAtPrice ? { compareAtPrice: live.compareAtPrice } : {}) };
}

function OnAirCard({ card: fired }: { card: Card }) {
  useNow();
  const now = Date.now();
  const offerEnded = useEnded(fired.offer?.endsAt);
  const live = useCatalog((s) => s.byId.get(fired.productId));
  const card = liveCard(fired, live);
  return (
    <article className="on-air-card" data-testid="on-air-card" data-product-id={card.productId}>
      <ProductThumb url={card.imageUrl} title={card.title} size={52} />
      <div className="on-air-main">
        <div className="on-air-title">{card.title}</div>
        <div className="on-air-meta">
          <span className="price">{formatMoney(card.price)}</span>
          {card.compareAtPrice && <s className="muted">{formatMoney(card.compareAtPrice)}</s>}
          {card.badge && <span className="badge">{card.badge}</span>}
          {!card.available && <span className="stock stock-out">Sold out</span>}
        </div>
        {card.offer && !offerEnded && (
          <div className="on-air-offer" data-testid="on-air-offer">
            {card.offer.text}
            {card.offer.endsAt !== undefined && <span className="countdown"> · ends in {formatCountdown(card.offer.endsAt, now)}</span>}
          </div>
        )}
        {card.offer?.endsAt !== undefined && offerEnded && (
          <div className="on-air-offer offer-over muted" data-testid="on-air-offer" data-state="ended">
            Offer ended at {formatClockTime(card.offer.endsAt)}: viewers no longer see it or its price
          </div>
        )}
        <CardMetrics cardId={card.cardId} />
        <div className="on-air-time">
          <span className="timer">{formatElapsed(card.firedAt, now)}</span>
          <span className="muted">{card.mediaMs !== undefined ? `at show ${formatShowTime(card.mediaMs)}` : 'immediate'}</span>
        </div>
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => takeOff(card.productId)} aria-label={`Take ${card.title} off air`}>
        Take off
      </button>
    </article>
  );
}

/** The banner as viewers see it: with its countdown while it runs; once its time is up, viewers no longer see it. */
function BannerLine({ text, endsAt }: { text: string; endsAt?: number }) {
  useNow();
  const now = Date.now();
  if (useEnded(endsAt) && endsAt !== undefined) {
    return (
      <div className="banner-live banner-over" data-testid="banner-line" data-state="ended">
        <span className="pill">BANNER ENDED</span>
        <s className="banner-text muted">{text}</s>
        <span className="muted">at {formatClockTime(endsAt)}: viewers no longer see it</span>
      </div>
    );
  }
  return (
    <div className="banner-live" data-testid="banner-line" data-state="live">
      <span className="pill pill-live">BANNER</span>
      <span className="banner-text">{text}</span>
      {endsAt !== undefined && <span className="countdown">ends in {formatCountdown(endsAt, now)}</span>}
    </div>
  );
}
