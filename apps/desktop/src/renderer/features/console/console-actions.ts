// What the producer's buttons and hotkeys do: each action builds its own command (fresh id, the preview's
// show ms, the armed offer) and hands it to the command queue.
import type { Command } from '@cuecart/shared';
import { newId } from '../../lib/relay.js';
import { useCatalog } from '../catalog/catalog-store.js';
import { useCommands } from '../commands/commands-store.js';
import { useComposer } from '../composer/composer-store.js';
import { cleanLine, endsAtFrom, offerExtras } from '../composer/offer-model.js';
import { connectedSocket } from '../connection/producer-link.js';
import { useConnection } from '../connection/connection-store.js';
import { previewShowMs } from '../program/program-store.js';
import { useRundown } from '../rundown/rundown-store.js';
import { rankedNow, useSuggestions } from '../suggestions/suggestions-store.js';
import { useSoldOutGuard } from './sold-out-guard.js';

const titleOf = (productId: string) => useCatalog.getState().byId.get(productId)?.title ?? productId;

/** Queues a command for the relay, unless this console's session is over: then it is refused in the page, never queued. */
function submit(command: Command, label: string): void {
  const connection = useConnection.getState();
  if (connection.ended) return connection.noteNotSent(label);
  useCommands.getState().submit(command, label);
}

/**
 * Puts a product on air: carries the preview's show ms and, when armed, the offer (used once). A sold-out
 * product asks first (once per product), in the page's dialog.
 */
export function takeProduct(productId: string, suggestionId?: string): void {
  const guard = useSoldOutGuard.getState();
  // A console whose session ended sends nothing: no question to ask (submit says it was not sent).
  const ended = useConnection.getState().ended !== null;
  if (!ended && useCatalog.getState().byId.get(productId)?.available === false && !guard.confirmed.has(productId)) {
    guard.ask({ productId, ...(suggestionId ? { suggestionId } : {}) });
    return;
  }
  sendTake(productId, suggestionId);
}

/** The sold-out take the producer confirmed in the dialog. */
export function takeSoldOutAnyway(): void {
  const take = useSoldOutGuard.getState().confirm();
  if (take) sendTake(take.productId, take.suggestionId);
}

function sendTake(productId: string, suggestionId?: string): void {
  const { offer, resetOffer } = useComposer.getState();
  const extras = offerExtras(offer, Date.now());
  const mediaMs = previewShowMs();
  const command: Command = { id: newId('take'), type: 'feature', productId, ...extras, ...(mediaMs === null ? {} : { mediaMs }) };
  submit(command, `Take ${titleOf(productId)}${extras.badge ? ` ${extras.badge}` : ''}`);
  if (extras.badge || extras.offer) resetOffer();
  const suggestions = useSuggestions.getState();
  if (suggestionId) suggestions.hide(suggestionId);
  suggestions.hideProduct(productId);
}

export function takeTopSuggestion(): boolean {
  const top = rankedNow()[0];
  if (!top) return false;
  takeProduct(top.productId, top.id);
  return true;
}

export function takeSlot(slot: number): boolean {
  const item = useRundown.getState().items[slot - 1];
  if (!item) return false;
  takeProduct(item.product.id);
  return true;
}

export function dismissSuggestion(id: string): void {
  useSuggestions.getState().hide(id);
  connectedSocket()?.emit('suggestion:dismiss', { id }, () => undefined);
}

export function dismissTopSuggestion(): boolean {
  const top = rankedNow()[0];
  if (!top) return false;
  dismissSuggestion(top.id);
  return true;
}

export function takeOff(productId: string): void {
  submit({ id: newId('off'), type: 'unfeature', productId }, `Take off ${titleOf(productId)}`);
}

export function clearAir(): void {
  submit({ id: newId('clear'), type: 'clear' }, 'PANIC CLEAR');
}

/** Go live, or end the show (ending takes every card and the banner off air). */
export function setShowStatus(status: 'live' | 'ended'): void {
  submit({ id: newId('status'), type: 'status', status }, status === 'live' ? 'Go live' : 'End show');
}

export function sendBanner(text: string, minutes: number): boolean {
  const line = cleanLine(text, 140);
  if (!line) return false;
  const endsAt = endsAtFrom(minutes, Date.now());
  submit({ id: newId('banner'), type: 'banner', text: line, ...(endsAt === undefined ? {} : { endsAt }) }, `Banner “${line}”`);
  return true;
}

export function clearBanner(): void {
  submit({ id: newId('banner-clear'), type: 'banner.clear' }, 'Clear banner');
}

/** Cues go straight to the host's prompter; the relay shows a repeated id once. */
export function sendCue(text: string): boolean {
  const line = cleanLine(text, 200);
  if (!line) return false;
  const composer = useComposer.getState();
  const id = newId('cue');
  composer.cueSent({ id, text: line, at: Date.now(), state: 'sending' });
  const socket = connectedSocket();
  if (!socket) {
    composer.cueSettled(id, 'failed', 'offline: not sent');
    return true;
  }
  socket
    .timeout(3000)
    .emitWithAck('cue', { id, text: line })
    .then((answer) => useComposer.getState().cueSettled(id, answer.ok ? 'sent' : 'failed', answer.ok ? undefined : answer.error.message))
    .catch(() => useComposer.getState().cueSettled(id, 'failed', 'no answer from the relay'));
  return true;
}

/** Sends a new rundown order; the relay echoes the rundown to every console and prompter. */
export function setRundown(productIds: string[]): void {
  const { items, setItems } = useRundown.getState();
  const byId = new Map(items.map((it) => [it.product.id, it.product]));
  const catalog = useCatalog.getState().byId;
  setItems(productIds.flatMap((id, i) => {
    const product = byId.get(id) ?? catalog.get(id);
    return product ? [{ slot: i + 1, product }] : [];
  }));
  connectedSocket()?.emit('rundown:set', { productIds }, () => undefined);
}
