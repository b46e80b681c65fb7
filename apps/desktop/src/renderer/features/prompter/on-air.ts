// Which rundown product the host should be reading: the newest card on air, and the list the prompter shows.
import type { Card, Product, RundownItem } from '@cuecart/shared';

/** The card the prompter follows: the newest by firedAt (on a tie, the later one in the list). */
export function newestOnAir(featured: readonly Card[]): Card | undefined {
  let newest: Card | undefined;
  for (const card of featured) {
    if (!newest || card.firedAt >= newest.firedAt) newest = card;
  }
  return newest;
}

export interface PrompterItem {
  /** Stable React key and scroll target. */
  key: string;
  /** Rundown slot (1-based), or null for a product on air that is not in the rundown. */
  slot: number | null;
  product: Product;
  /** This product's card while it is on air (any of the featured cards). */
  card?: Card;
  /** The product the prompter follows: the newest card on air. */
  onAir: boolean;
  /** On screen for viewers but not the newest card (non-exclusive features). */
  onScreen: boolean;
  /** The rundown item right after the one on air. */
  upNext: boolean;
}

/**
 * The rundown with its on-air state. A product fired from outside the rundown (a catalog search in the
 * console) still shows, first, from its card's data, so the host is never left without the talking points.
 */
export function buildPrompterItems(rundown: readonly RundownItem[], featured: readonly Card[]): PrompterItem[] {
  const newest = newestOnAir(featured);
  const cardOf = new Map<string, Card>();
  // Later cards for the same product win, like the newest rule above.
  for (const card of [...featured].sort((a, b) => a.firedAt - b.firedAt)) cardOf.set(card.productId, card);

  const inRundown = new Set(rundown.map((item) => item.product.id));
  const extras: PrompterItem[] = [...cardOf.values()]
    .filter((card) => !inRundown.has(card.productId))
    .sort((a, b) => b.firedAt - a.firedAt)
    .map((card) => ({ key: `card:${card.productId}`, slot: null, product: productFromCard(card), card, onAir: false, onScreen: false, upNext: false }));

  const slots: PrompterItem[] = rundown.map((item) => ({
    key: `slot:${item.slot}:${item.product.id}`,
    slot: item.slot,
    product: item.product,
    ...(cardOf.has(item.product.id) ? { card: cardOf.get(item.product.id)! } : {}),
    onAir: false,
    onScreen: false,
    upNext: false,
  }));

  const items = [...extras, ...slots];
  let followed = -1;
  items.forEach((item, i) => {
    if (!item.card) return;
    if (newest && item.product.id === newest.productId && followed < 0) {
      item.onAir = true;
      followed = i;
    } else {
      item.onScreen = true;
    }
  });
  // "Up next" only makes sense inside the rundown: the slot after the one on air.
  const next = items[followed + 1];
  if (followed >= 0 && next && next.slot !== null && !next.card) next.upNext = true;
  return items;
}

/** The talking points a card carries, as a Product, for an on-air product missing from the rundown. */
export function productFromCard(card: Card): Product {
  return {
    id: card.productId,
    title: card.title,
    price: card.price,
    available: card.available,
    ...(card.compareAtPrice ? { compareAtPrice: card.compareAtPrice } : {}),
    ...(card.imageUrl ? { imageUrl: card.imageUrl } : {}),
  };
}

/** The key of the item to scroll to, changing each time a card is (re)fired so a re-take scrolls again. */
export function followKey(items: readonly PrompterItem[]): string | null {
  const item = items.find((i) => i.onAir);
  return item ? `${item.key}@${item.card?.cardId ?? ''}` : null;
}
