// @cuecart/shared: the wire contract, the overlay reducer and the mention matcher.
export * from './contract/index.js';
export * from './overlay/apply-command.js';
