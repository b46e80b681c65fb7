// The player's scoped styles. `all: initial` on the host keeps the embedding page's CSS out.
export const PLAYER_CSS = `
:host { all: initial; display: block; contain: content; position: relative;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; -webkit-font-smoothing: antialiased; }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button { font: inherit; cursor: pointer; border: 0; }
button:disabled { cursor: not-allowed; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid #5b8cff; outline-offset: 2px; }

.root { container-type: inline-size; width: 100%; }
.frame { position: relative; width: 100%; aspect-ratio: 16 / 9; background: #000; overflow: hidden; border-radius: 10px; }
video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; background: #000; }
.stage { position: absolute; inset: 0; pointer-events: none; }
.stage > * { pointer-events: auto; }

.pill { position: absolute; top: 10px; padding: 6px 12px; border-radius: 999px; background: rgba(0,0,0,.62); color: #fff; font-weight: 600; font-size: 13px; }
.unmute { left: 10px; display: inline-flex; gap: 6px; align-items: center; }
.unmute svg { width: 16px; height: 16px; fill: currentColor; }
.live { left: 50%; transform: translateX(-50%); background: #e0245e; letter-spacing: .04em; font-size: 11px; padding: 4px 8px; pointer-events: none; }
.top-right { position: absolute; top: 10px; right: 10px; display: flex; gap: 6px; }
.top-right .pill { position: static; }
.cart-button .count { display: inline-block; min-width: 18px; margin-left: 4px; padding: 0 5px; border-radius: 9px; background: #fff; color: #111; font-size: 12px; text-align: center; }
/* Controls: bottom right (the cards are bottom left); in the replay, above the recording's own seek bar. */
.controls { position: absolute; right: 10px; bottom: 10px; display: flex; align-items: center; gap: 4px; padding: 4px; border-radius: 999px; background: rgba(0,0,0,.62); }
.controls.replay { bottom: 56px; }
.controls.replay .ctl[data-testid="play-pause"], .controls.replay .ctl[data-testid="mute"], .controls.replay .volume { display: none; }
.ctl { width: 34px; height: 34px; display: inline-grid; place-items: center; border-radius: 50%; background: transparent; color: #fff; }
.ctl:hover { background: rgba(255,255,255,.16); }
.ctl svg { width: 20px; height: 20px; fill: currentColor; }
.volume { width: 80px; accent-color: #fff; margin: 0 4px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:host([data-fullscreen]) .root, :host([data-fullscreen]) .frame { width: 100%; height: 100%; }
:host([data-fullscreen]) .frame { aspect-ratio: auto; border-radius: 0; }
.message { position: absolute; inset: 0; display: grid; place-items: center; padding: 24px; text-align: center; color: #ddd; pointer-events: none; }

.banner { position: absolute; top: 52px; left: 50%; transform: translateX(-50%); max-width: calc(100% - 24px); padding: 8px 14px; border-radius: 8px;
  background: #ffd34d; color: #111; font-weight: 700; text-align: center; box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; }

.cards { position: absolute; left: 12px; bottom: 12px; width: min(300px, 48%); display: flex; flex-direction: column; gap: 8px; pointer-events: none; }
.card { pointer-events: auto; display: grid; grid-template-columns: 64px 1fr; grid-template-areas: "thumb body" "thumb add"; gap: 4px 10px; padding: 8px;
  border-radius: 10px; background: rgba(255,255,255,.97); color: #111; box-shadow: 0 6px 20px rgba(0,0,0,.35); cursor: pointer; }
.card.enter { animation: slide-in 200ms ease-out both; }
@keyframes slide-in { from { transform: translateX(-28px); opacity: 0; } to { transform: none; opacity: 1; } }
.thumb { grid-area: thumb; width: 64px; height: 64px; border-radius: 6px; object-fit: cover; background: #eee; }
.body { grid-area: body; min-width: 0; }
.title { font-weight: 600; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.badge { display: inline-block; margin-bottom: 2px; padding: 1px 6px; border-radius: 4px; background: #111; color: #fff; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.prices { display: flex; gap: 6px; align-items: baseline; }
.price { font-weight: 700; }
.was { color: #777; font-size: 12px; }
.offer { color: #c2185b; font-size: 12px; font-weight: 600; }
.countdown { font-variant-numeric: tabular-nums; margin-left: 4px; }
.add { grid-area: add; justify-self: start; padding: 6px 12px; border-radius: 6px; background: #111; color: #fff; font-weight: 600; }
.card.sold-out { filter: grayscale(1); }
.card.sold-out .add { background: #fff; color: #111; box-shadow: inset 0 0 0 1.5px #111; }
.card.sold-out .thumb, .card.sold-out .title, .card.sold-out .prices { opacity: .6; }
.notify-form .consent { display: flex; gap: 8px; align-items: flex-start; font-size: 12px; color: #444; }
.notify-form .consent input { margin-top: 2px; }
.picker .actions + .secondary { margin-top: 8px; }

.drawer { position: absolute; top: 0; right: 0; bottom: 0; width: min(360px, 100%); display: flex; flex-direction: column; background: #fff; color: #111;
  box-shadow: -8px 0 24px rgba(0,0,0,.35); transform: translateX(100%); visibility: hidden; transition: transform 200ms ease, visibility 0s linear 200ms; }
.drawer.open { transform: none; visibility: visible; transition: transform 200ms ease; }
.drawer header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; border-bottom: 1px solid #eee; }
.drawer h2 { margin: 0; font-size: 16px; }
.close { background: none; font-size: 22px; line-height: 1; padding: 4px 8px; color: #111; }
.drawer .content { flex: 1; overflow-y: auto; padding: 8px 14px; }
.lines { list-style: none; margin: 0; padding: 0; }
.line { display: grid; grid-template-columns: 44px 1fr auto; gap: 8px; align-items: center; padding: 8px 0; border-bottom: 1px solid #f0f0f0; }
.line img { width: 44px; height: 44px; border-radius: 4px; object-fit: cover; background: #eee; }
.line .title { font-size: 13px; }
.line .unit { color: #555; font-size: 12px; }
.qty { display: inline-flex; align-items: center; gap: 6px; }
.qty button { width: 28px; height: 28px; border-radius: 50%; background: #f1f1f1; color: #111; font-weight: 700; }
.qty output { min-width: 18px; text-align: center; font-variant-numeric: tabular-nums; }
.empty { color: #666; }
.error { margin: 8px 0; padding: 8px 10px; border-radius: 6px; background: #fdecea; color: #a61b1b; }
.drawer footer { padding: 10px 14px; border-top: 1px solid #eee; display: grid; gap: 8px; }
.sum { display: flex; justify-content: space-between; font-weight: 700; }
.primary { padding: 10px; border-radius: 8px; background: #111; color: #fff; font-weight: 700; text-align: center; text-decoration: none; }
.primary:disabled { background: #999; }
.order-form { display: grid; gap: 8px; margin-top: 8px; }
.order-form label { display: grid; gap: 2px; font-size: 12px; color: #444; }
.order-form input { font: inherit; padding: 8px; border: 1px solid #ccc; border-radius: 6px; color: #111; background: #fff; }
.picker { padding: 8px 0 12px; border-bottom: 1px solid #eee; margin-bottom: 8px; }
.picker h3 { margin: 0 0 6px; font-size: 15px; }
.picker .option { border: 0; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.picker legend { font-size: 12px; color: #555; margin-bottom: 4px; padding: 0; }
.picker .value { min-width: 40px; padding: 6px 10px; border-radius: 8px; border: 1px solid #ccc; background: #fff; color: #111; }
.picker .value[aria-pressed="true"] { border-color: #111; box-shadow: inset 0 0 0 1px #111; font-weight: 700; }
.picker .value[data-sold-out] { color: #999; text-decoration: line-through; }
.picker .actions { display: flex; gap: 8px; align-items: center; }
.picker .actions .primary { flex: 1; }
.picker .detail-image { width: 100%; max-height: 180px; object-fit: contain; border-radius: 8px; background: #f4f4f4; margin-bottom: 8px; }
.picker .description { font-size: 13px; color: #444; margin: 0 0 8px; }
.shop-button .count { display: inline-block; min-width: 18px; margin-left: 4px; padding: 0 5px; border-radius: 9px; background: rgba(255,255,255,.25); font-size: 12px; text-align: center; }
.shelf { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.shelf-item { width: 100%; display: grid; grid-template-columns: 44px 1fr auto; gap: 10px; align-items: center; padding: 6px; border-radius: 8px; background: #fff; color: #111; text-align: left; }
.shelf-item:hover { background: #f4f4f4; }
.shelf-item img, .shelf-item .thumb-blank { width: 44px; height: 44px; border-radius: 6px; object-fit: cover; background: #eee; display: block; }
.shelf-title { font-weight: 600; font-size: 13px; }
.sheet-qty { margin: 4px 0 10px; }
.picker .was { color: #777; margin-left: 6px; }
.secondary { justify-self: start; padding: 8px 12px; border-radius: 8px; background: #f1f1f1; color: #111; font-weight: 600; }
.confirmation { margin: 12px 0; padding: 12px; border-radius: 8px; background: #e8f5e9; color: #1b5e20; font-weight: 600; }

@media (prefers-reduced-motion: reduce) { .card.enter { animation: none; } .drawer, .drawer.open { transition: none; } }

/* Narrow players (a phone in portrait): the video fills the width and nothing covers it but its controls; the
   sound, LIVE, Shop and Cart sit on a bar under it, the cards stack below that (titles on two lines), and the
   player is as tall as what it shows (no black box). The cart is a sheet over the lower part. */
@container (max-width: 560px) {
  .frame { aspect-ratio: auto; display: grid; grid-template-columns: minmax(0, 1fr); grid-template-rows: auto auto auto; border-radius: 0; background: #111; }
  .stage { display: contents; }
  video { position: relative; grid-row: 1; grid-column: 1; inset: auto; width: 100%; height: auto; aspect-ratio: 16 / 9; }
  .message { position: relative; grid-row: 1; grid-column: 1; inset: auto; }
  .controls { position: relative; grid-row: 1; grid-column: 1; align-self: end; justify-self: end; inset: auto; margin: 6px; }
  .controls.replay { margin-bottom: 52px; }
  .volume { display: none; }
  .banner { position: relative; grid-row: 1; grid-column: 1; align-self: start; justify-self: center; inset: auto; transform: none; margin-top: 8px; font-size: 13px; }
  .pill { position: relative; top: auto; grid-row: 2; grid-column: 1; margin: 8px; }
  .unmute { justify-self: start; left: auto; }
  .live { justify-self: center; left: auto; transform: none; align-self: center; }
  .top-right { position: relative; top: auto; right: auto; grid-row: 2; grid-column: 1; justify-self: end; align-self: center; margin: 8px; }
  .cards { position: relative; grid-row: 3; grid-column: 1; left: auto; bottom: auto; width: auto; min-height: 76px; padding: 0 8px 8px; gap: 6px; }
  .cards:empty::before { content: "Products appear here as the host shows them."; display: grid; place-items: center; min-height: 68px; color: #9a9a9a; font-size: 13px; }
  .card { grid-template-columns: 52px 1fr auto; grid-template-areas: "thumb body add"; align-items: center; padding: 6px 8px; }
  .thumb { width: 52px; height: 52px; }
  .title { -webkit-line-clamp: 2; font-size: 14px; }
  .add { padding: 8px 10px; }
  .drawer { top: calc(100cqw * 9 / 32); width: 100%; border-radius: 14px 14px 0 0; box-shadow: 0 -8px 24px rgba(0,0,0,.4); transform: translateY(100%); }
  .drawer.open { transform: none; }
}
`;
