import { describe, expect, it } from 'vitest';
import { confidence, FEATURE_NAMES, type SuggestionFeatures } from '../../packages/shared/src/matcher/calibration.js';
import { rng } from '../../packages/shared/src/format/rng.js';
import { fit, reliability } from './calibrate.js';

const zero = (): SuggestionFeatures => Object.fromEntries(FEATURE_NAMES.map((k) => [k, 0])) as unknown as SuggestionFeatures;

describe('calibration', () => {
  it('fit() recovers the model that labeled the data, and reliability() measures how far off a model is', () => {
    const truth = { intercept: -2, weights: { ...zero(), evidence: 3, inRundown: 1.5 } };
    const r = rng(7);
    const data = Array.from({ length: 4000 }, () => {
      const f = { ...zero(), evidence: r() * 1.5, inRundown: r() < 0.5 ? 1 : 0 };
      return { f, right: r() < confidence(f, truth) };
    });
    const w = fit(data, 0.01);
    expect(w[0]).toBeCloseTo(-2, 0);
    expect(w[1 + FEATURE_NAMES.indexOf('evidence')]).toBeCloseTo(3, 0);
    expect(w[1 + FEATURE_NAMES.indexOf('inRundown')]).toBeCloseTo(1.5, 0);
    expect(reliability(data, truth).ece).toBeLessThan(0.03);
    // A model that says 0.5 for everything is off by how far the data's share of right answers is from 0.5.
    const flat = { intercept: 0, weights: zero() };
    const share = data.filter((s) => s.right).length / data.length;
    expect(reliability(data, flat).ece).toBeCloseTo(Math.abs(share - 0.5), 5);
  });

  it('the committed weights rank a full name on the rundown above a half-heard name off it', () => {
    const strong = { ...zero(), evidence: 1.2, titleCov: 1, inRundown: 1, names: 2, words: 4 };
    const weak = { ...zero(), evidence: 0.5, titleCov: 0.5, fuzzy: 1, names: 1, words: 2 };
    expect(confidence(strong)).toBeGreaterThan(0.9);
    expect(confidence(weak)).toBeLessThan(confidence(strong));
    expect(confidence(weak)).toBeGreaterThanOrEqual(0);
  });
});
