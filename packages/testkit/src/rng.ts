// The seeded generator of packages/shared (mulberry32), for tests and benchmarks.
export { rng } from '@cuecart/shared';
