// The viewer embed's entry. The <cuecart-player> element lands with issue 4; it speaks the shared contract already.
import type { OverlayState } from '@cuecart/shared';

export const PLAYER_TAG = 'cuecart-player';

export function cardsOnAir(state: OverlayState): number {
  return state.featured.length;
}
