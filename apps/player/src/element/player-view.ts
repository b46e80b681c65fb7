// The player's shadow DOM skeleton: video, controls, banner, card stack, cart drawer slot, status message.
import { h } from './dom.js';
import { PLAYER_CSS } from './styles.js';

export interface PlayerView {
  video: HTMLVideoElement;
  unmute: HTMLButtonElement;
  live: HTMLElement;
  cartButton: HTMLButtonElement;
  cartCount: HTMLElement;
  banner: HTMLElement;
  cards: HTMLElement;
  stage: HTMLElement;
  message: HTMLElement;
}

export function buildPlayerView(shadow: ShadowRoot): PlayerView {
  const style = h('style');
  style.textContent = PLAYER_CSS;
  const video = h('video', { muted: true, autoplay: true, playsinline: true, 'webkit-playsinline': true, preload: 'auto', 'aria-label': 'Live show' });
  // The attribute alone does not mute a video created from script in every browser.
  video.muted = true;
  video.playsInline = true;
  const unmute = h('button', { class: 'pill unmute', type: 'button', 'data-testid': 'unmute', 'aria-label': 'Tap to unmute' }, mutedIcon(), 'Tap to unmute');
  const live = h('span', { class: 'pill live', hidden: true }, 'LIVE');
  const cartCount = h('span', { class: 'count' }, '0');
  const cartButton = h('button', { class: 'pill cart-button', type: 'button', 'data-testid': 'cart-button', 'aria-label': 'Open cart', hidden: true }, 'Cart', cartCount);
  const banner = h('div', { class: 'banner', role: 'status', 'data-testid': 'banner', hidden: true });
  const cards = h('div', { class: 'cards', 'aria-live': 'polite', 'data-testid': 'cards' });
  const message = h('div', { class: 'message', 'data-testid': 'player-message' }, 'Loading the show…');
  const stage = h('div', { class: 'stage' }, message, unmute, live, cartButton, banner, cards);
  const frame = h('div', { class: 'frame' }, video, stage);
  shadow.replaceChildren(style, h('div', { class: 'root', part: 'player' }, frame));
  return { video, unmute, live, cartButton, cartCount, banner, cards, stage, message };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A speaker with a cross: fonts on kiosks and headless browsers may lack the emoji. */
function mutedIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M3 9v6h4l5 5V4L7 9H3zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4-2.7-2.7z');
  svg.append(path);
  return svg;
}
