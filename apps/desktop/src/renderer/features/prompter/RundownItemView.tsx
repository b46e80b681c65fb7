// One product's talking points. All product text goes through React text nodes, never as HTML.
import type { Ref } from 'react';
import type { Card } from '@cuecart/shared';
import type { PrompterItem } from './on-air.js';
import { compareAtText, formatMoney, shortDescription, stockOf } from './talking-points.js';
import { countdownOf } from './time-text.js';
import { useNow } from '../../lib/use-now.js';

export function RundownItemView({ item, ref }: { item: PrompterItem; ref: Ref<HTMLLIElement> }) {
  const { product, card, onAir, onScreen, upNext } = item;
  const stock = stockOf(product);
  const was = compareAtText(product);
  const description = shortDescription(product.description);
  const state = onAir ? 'on-air' : onScreen ? 'on-screen' : upNext ? 'next' : 'idle';

  return (
    <li ref={ref} className={`item item--${state}`} data-testid="prompter-item" data-product-id={product.id} data-on-air={onAir ? 'true' : 'false'}>
      <div className="item__slot" aria-label={item.slot === null ? 'not in the rundown' : `slot ${item.slot}`}>
        {item.slot ?? '★'}
      </div>
      <div className="item__body">
        <div className="item__head">
          {onAir && <span className="tag tag--on-air">On air</span>}
          {onScreen && <span className="tag tag--on-screen">On screen</span>}
          {upNext && <span className="tag tag--next">Up next</span>}
          {card?.badge && <span className="tag tag--badge">{card.badge}</span>}
          <h2 className="item__title">{product.title}</h2>
        </div>
        <div className="item__facts">
          <span className="item__price">{formatMoney(product.price)}</span>
          {was && <s className="item__was">{was}</s>}
          <span className={`item__stock stock--${stock.tone}`}>{stock.text}</span>
          {product.vendor && <span className="item__vendor">{product.vendor}</span>}
        </div>
        {description && <p className="item__desc">{description}</p>}
        {card?.offer && <OfferLine offer={card.offer} />}
      </div>
    </li>
  );
}

function OfferLine({ offer }: { offer: NonNullable<Card['offer']> }) {
  return (
    <div className="offer" data-testid="prompter-offer">
      <span className="offer__text">{offer.text}</span>
      {offer.price && <span className="offer__price">{formatMoney(offer.price)}</span>}
      {offer.endsAt !== undefined && <OfferCountdown endsAt={offer.endsAt} />}
    </div>
  );
}

function OfferCountdown({ endsAt }: { endsAt: number }) {
  const now = useNow();
  const countdown = countdownOf(endsAt, now);
  const tone = countdown.over ? 'over' : countdown.urgent ? 'urgent' : 'running';
  return (
    <span className={`offer__countdown offer__countdown--${tone}`} data-testid="offer-countdown">
      {countdown.text}
    </span>
  );
}
