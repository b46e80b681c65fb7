// The viewer embed's entry (/embed.js): defines <cuecart-player> once, even if the script is included twice.
import { CuecartPlayerElement, PLAYER_TAG } from './element/cuecart-player.js';

if (typeof customElements !== 'undefined' && !customElements.get(PLAYER_TAG)) {
  customElements.define(PLAYER_TAG, CuecartPlayerElement);
}

export { CuecartPlayerElement, PLAYER_TAG };
export type { CardEventDetail } from './overlay/overlay-view.js';
