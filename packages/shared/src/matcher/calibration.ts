// The confidence of a suggestion: a logistic model over what the matcher saw, fitted on the synthetic tune split
// (scripts/eval/calibrate.ts writes the weights below), so "0.9" means about nine in ten such suggestions were right.
import type { Run } from './candidates.js';

/** What a suggestion's confidence is computed from, each in [0, 1] or a small count. */
export interface SuggestionFeatures {
  evidence: number;
  titleCov: number;
  inRundown: number;
  recent: number;
  fuzzy: number;
  sku: number;
  variant: number;
  names: number;
  words: number;
}

export const FEATURE_NAMES: readonly (keyof SuggestionFeatures)[] = ['evidence', 'titleCov', 'inRundown', 'recent', 'fuzzy', 'sku', 'variant', 'names', 'words'];

export function featuresOf(run: Run, inRundown: boolean, recent: boolean): SuggestionFeatures {
  return {
    evidence: Math.min(2.5, run.titleCov + (run.vendorExtraHit ? 0.3 : 0) + (run.variantHeard ? 0.3 : 0) + (run.sku ? 1.5 : 0)),
    titleCov: run.titleCov,
    inRundown: inRundown ? 1 : 0,
    recent: recent ? 1 : 0,
    fuzzy: run.fuzzy ? 1 : 0,
    sku: run.sku ? 1 : 0,
    variant: run.variantHeard ? 1 : 0,
    names: Math.min(3, run.nameTerms.length),
    words: Math.min(6, run.positions.length),
  };
}

// --- fitted by scripts/eval/calibrate.ts: do not edit by hand ---
export const CALIBRATION = {
  intercept: -5.0485,
  weights: { evidence: 2.5771, titleCov: 0.9578, inRundown: 5.2272, recent: 0.8999, fuzzy: 0.132, sku: 1.203, variant: -0.6175, names: 0.0785, words: 0.8049 } as Record<keyof SuggestionFeatures, number>,
  fittedOn: 'synthetic tune split, 120 shows, full and half rundowns: 2217 suggestions, 2048 right',
};
// --- end of fitted weights ---

/** The calibrated probability that a suggestion is right. */
export function confidence(f: SuggestionFeatures, model: { intercept: number; weights: Record<keyof SuggestionFeatures, number> } = CALIBRATION): number {
  let z = model.intercept;
  for (const k of FEATURE_NAMES) z += (model.weights[k] ?? 0) * f[k];
  const p = 1 / (1 + Math.exp(-z));
  return Math.round(p * 1000) / 1000;
}
