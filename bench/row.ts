/** One line of the benchmark table. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  /** The budget (README, "Benchmarks"), as text, e.g. "< 1000 ms". */
  budget?: string;
  /** True when the value meets the budget. */
  ok?: boolean;
}

/** Median of several timings of fn, in milliseconds (one warm-up run first, a full GC before each run). */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    // start each run without the previous run's garbage (npm run bench passes --expose-gc)
    gc?.();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
