import { performance } from "node:perf_hooks";

/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Times fn after a warm-up, until `iterations` samples or `budgetMs` has
 * passed (whichever comes first), and returns p50/p99 in milliseconds.
 */
export async function measure(
  fn: (i: number) => Promise<unknown>,
  options: { iterations?: number; warmup?: number; budgetMs?: number } = {},
): Promise<{ p50: number; p99: number; samples: number }> {
  const { iterations = 300, warmup = 20, budgetMs = 20_000 } = options;
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < iterations && performance.now() < deadline; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    samples: samples.length,
  };
}
