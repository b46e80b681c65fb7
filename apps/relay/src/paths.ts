// Where the relay finds what it serves, the same from src/ (tests) and dist/ (the built relay).
import { fileURLToPath } from 'node:url';

const relayRoot = new URL('../', import.meta.url);

export const DEMO_DIR = fileURLToPath(new URL('demo/', relayRoot));
export const PLAYER_DIST = fileURLToPath(new URL('../player/dist/', relayRoot));
export const RELAY_ASSETS = fileURLToPath(new URL('assets/', relayRoot));
export const CONSOLE_DIST = fileURLToPath(new URL('../desktop/dist/renderer/', relayRoot));
