// The one local page: asks for the relay address and a producer token when the app was not given them.
// It is written to the user-data folder at launch and has its own CSP (only its inline script, by hash; no network).
import { createHash } from 'node:crypto';

const SCRIPT = `
const form = document.getElementById('connect');
const relay = document.getElementById('relay');
const token = document.getElementById('token');
const problem = document.getElementById('problem');
const button = form.querySelector('button');
const params = new URLSearchParams(location.search);
relay.value = params.get('relay') || 'http://127.0.0.1:4455';
problem.textContent = params.get('error') || '';
const warning = document.getElementById('warning');
warning.textContent = params.get('warning') || '';
(params.get('relay') ? token : relay).focus();
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  problem.textContent = '';
  button.disabled = true;
  try {
    const api = window.cuecartConnect;
    if (!api) throw new Error('this page only works inside the Cuecart app');
    const answer = await api.connect({ relay: relay.value, token: token.value });
    if (!answer.ok) problem.textContent = answer.message;
  } catch (error) {
    problem.textContent = String(error && error.message ? error.message : error);
  } finally {
    button.disabled = false;
  }
});
`;

const STYLE = `
:root { color-scheme: dark; font: 15px/1.4 system-ui, sans-serif; background: #0b0d10; color: #e8eaed; }
body { display: grid; place-items: center; min-height: 100vh; margin: 0; }
form { display: grid; gap: 12px; width: min(420px, 90vw); }
h1 { font-size: 20px; margin: 0 0 8px; }
label { display: grid; gap: 4px; font-size: 13px; color: #aab; }
input { font: inherit; padding: 8px 10px; border-radius: 6px; border: 1px solid #334; background: #151820; color: inherit; }
button { font: inherit; padding: 9px; border-radius: 6px; border: 0; background: #3b82f6; color: white; cursor: pointer; }
button:disabled { opacity: .6; }
#problem { color: #f87171; min-height: 1.4em; margin: 0; }
#warning { color: #fbbf24; font-size: 13px; margin: 0; }
#warning:empty { display: none; }
`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export const CONNECT_PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  `style-src 'sha256-${sha256(STYLE)}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function connectPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONNECT_PAGE_CSP}">
<title>Connect — Cuecart</title>
<style>${STYLE}</style>
</head>
<body>
<form id="connect" autocomplete="off">
  <h1>Connect to a Cuecart relay</h1>
  <label>Relay address <input id="relay" type="url" required spellcheck="false"></label>
  <label>Producer token <input id="token" type="password" required spellcheck="false"></label>
  <p id="warning" role="note"></p>
  <p id="problem" role="alert"></p>
  <button type="submit">Connect</button>
</form>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
