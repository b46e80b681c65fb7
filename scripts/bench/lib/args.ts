// Whole-number command-line options of the benchmarks: `--name N`, or the default; anything else exits 2.
export function intArg(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name} must be a whole number ≥ 1`);
    process.exit(2);
  }
  return v;
}
