/**
 * Progress of an indicator from its baseline towards its target: 0 at the baseline, 1 at the
 * target, whichever way the indicator should go (a target below the baseline means the indicator
 * should go down). Not clamped: 1.2 means the target was passed by 20%, -0.1 that it went the
 * wrong way. Throws RangeError when target equals baseline (no distance to cover).
 */
export function progress(baseline: number, target: number, actual: number): number {
  for (const [name, v] of [
    ["baseline", baseline],
    ["target", target],
    ["actual", actual],
  ] as const) {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a number`);
  }
  if (target === baseline) throw new RangeError("target equals baseline");
  return (actual - baseline) / (target - baseline);
}
