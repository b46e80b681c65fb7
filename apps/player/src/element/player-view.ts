// The player's shadow DOM skeleton: video, controls, banner, card stack, cart drawer slot, status message, and
// the live region that tells a screen reader which product just came on screen.
import { h } from './dom.js';
import { icon, setIcon } from './icons.js';
import { PLAYER_CSS } from './styles.js';

export interface PlayerView {
  video: HTMLVideoElement;
  unmute: HTMLButtonElement;
  live: HTMLElement;
  cartButton: HTMLButtonElement;
  cartCount: HTMLElement;
  /** Opens the show's products ("In this show") in the drawer. */
  shopButton: HTMLButtonElement;
  shopCount: HTMLElement;
  banner: HTMLElement;
  cards: HTMLElement;
  stage: HTMLElement;
  message: HTMLElement;
  controls: HTMLElement;
  playPause: HTMLButtonElement;
  mute: HTMLButtonElement;
  volume: HTMLInputElement;
  fullscreen: HTMLButtonElement;
  /** Polite live region: "On screen: Stoneware Mug, $22.00". */
  announcer: HTMLElement;
}

export function buildPlayerView(shadow: ShadowRoot): PlayerView {
  const style = h('style');
  style.textContent = PLAYER_CSS;
  const video = h('video', { muted: true, autoplay: true, playsinline: true, 'webkit-playsinline': true, preload: 'auto', 'aria-label': 'Live show' });
  // The attribute alone does not mute a video created from script in every browser.
  video.muted = true;
  video.playsInline = true;
  const unmute = h('button', { class: 'pill unmute', type: 'button', 'data-testid': 'unmute', 'aria-label': 'Tap to unmute' }, icon('muted'), 'Tap to unmute');
  const live = h('span', { class: 'pill live', hidden: true }, 'LIVE');
  const cartCount = h('span', { class: 'count' }, '0');
  const cartButton = h('button', { class: 'pill cart-button', type: 'button', 'data-testid': 'cart-button', 'aria-label': 'Open cart', hidden: true }, 'Cart', cartCount);
  const shopCount = h('span', { class: 'count' }, '0');
  const shopButton = h('button', { class: 'pill shop-button', type: 'button', 'data-testid': 'shop-button', 'aria-label': 'Products in this show', hidden: true }, 'Shop', shopCount);
  const banner = h('div', { class: 'banner', role: 'status', 'data-testid': 'banner', hidden: true });
  const cards = h('div', { class: 'cards', 'data-testid': 'cards' });
  const message = h('div', { class: 'message', 'data-testid': 'player-message' }, 'Loading the show…');
  const playPause = h('button', { class: 'ctl', type: 'button', 'data-testid': 'play-pause' });
  setIcon(playPause, 'pause', 'Pause');
  const mute = h('button', { class: 'ctl', type: 'button', 'data-testid': 'mute' });
  setIcon(mute, 'muted', 'Unmute');
  const volume = h('input', { class: 'volume', type: 'range', min: '0', max: '1', step: '0.05', value: '1', 'aria-label': 'Volume', 'data-testid': 'volume' });
  const fullscreen = h('button', { class: 'ctl', type: 'button', 'data-testid': 'fullscreen' });
  setIcon(fullscreen, 'enterFullscreen', 'Full screen');
  const controls = h('div', { class: 'controls', role: 'group', 'aria-label': 'Player controls', 'data-testid': 'controls' }, playPause, mute, volume, fullscreen);
  const announcer = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
  const stage = h('div', { class: 'stage' }, message, unmute, live, h('div', { class: 'top-right' }, shopButton, cartButton), banner, cards, controls, announcer);
  const frame = h('div', { class: 'frame' }, video, stage);
  shadow.replaceChildren(style, h('div', { class: 'root', part: 'player' }, frame));
  return { video, unmute, live, cartButton, cartCount, shopButton, shopCount, banner, cards, stage, message, controls, playPause, mute, volume, fullscreen, announcer };
}
