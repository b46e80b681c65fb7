// <cuecart-player show="ID" relay="URL" [mode="replay"]>: the viewer embed, in an open shadow root the host page's
// CSS cannot reach. In replay mode it plays the show's recording with every card on its moment; `seekTo(showMs)`.
import { resolveRelay } from '../config/urls.js';
import { PlayerSession } from './player-session.js';
import { buildPlayerView, type PlayerView } from './player-view.js';

export const PLAYER_TAG = 'cuecart-player';

export class CuecartPlayerElement extends HTMLElement {
  static readonly observedAttributes = ['show', 'relay', 'consent', 'mode'];
  private view: PlayerView | null = null;
  private session: PlayerSession | null = null;
  private restartQueued = false;
  private pendingSeek: number | null = null;

  /** Show ms of the frame on screen (DESIGN.md "Time"); null until the stream shows a dated frame. */
  get playheadMs(): number | null {
    return this.session?.playheadMs ?? null;
  }

  /** Replay mode: seeks the recording to a moment of the show (show ms, as `playheadMs`). */
  seekTo(showMs: number): void {
    if (this.session) this.session.seekTo(showMs);
    // Asked before the session started (a deep link read as the page loads): it seeks once it is there.
    else this.pendingSeek = showMs;
  }

  /** Opens one of the show's products in the player's drawer (details, options, quantity, add to cart); false if unknown. */
  openProduct(productId: string): boolean {
    return this.session?.openProduct(productId) ?? false;
  }

  /** Opens the list of the show's products in the player's drawer. */
  openShelf(): void {
    this.session?.openShelf();
  }

  get show(): string | null {
    return this.getAttribute('show');
  }

  get relay(): string {
    return resolveRelay(this.getAttribute('relay'), import.meta.url);
  }

  connectedCallback(): void {
    this.queueRestart();
  }

  disconnectedCallback(): void {
    this.session?.dispose();
    this.session = null;
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before !== after && this.isConnected) this.queueRestart();
  }

  // Attributes set one after the other (show, then relay) restart the session once.
  private queueRestart(): void {
    if (this.restartQueued) return;
    this.restartQueued = true;
    queueMicrotask(() => {
      this.restartQueued = false;
      this.restart();
    });
  }

  private restart(): void {
    this.session?.dispose();
    this.session = null;
    if (!this.isConnected) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.view = buildPlayerView(root);
    const show = this.show?.trim();
    if (!show) {
      this.view.message.textContent = 'Set the show attribute: <cuecart-player show="ID">.';
      return;
    }
    let relay: string;
    try {
      relay = this.relay;
    } catch {
      this.view.message.textContent = 'The relay attribute is not a valid URL.';
      return;
    }
    // Analytics may link a viewer's events only with the host page's consent (`consent="granted"`).
    const mode = this.getAttribute('mode') === 'replay' ? 'replay' : 'live';
    this.session = new PlayerSession(this, this.view, show, relay, this.getAttribute('consent') === 'granted', mode);
    this.session.start();
    if (this.pendingSeek !== null) {
      this.session.seekTo(this.pendingSeek);
      this.pendingSeek = null;
    }
  }
}
