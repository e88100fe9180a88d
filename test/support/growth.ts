/**
 * Complexity, not speed: how the time of `run` grows when its input grows `factor` times. The
 * small and the large input are timed alternately (best of `runs` each, in CPU time), so both
 * see the same machine, and only their ratio is asserted: linear work grows about `factor` times,
 * quadratic work about `factor`² times. Speed itself is measured in bench/, never in a test.
 */
export interface Growth {
  smallMs: number;
  largeMs: number;
  ratio: number;
}

export function growth<Input, Prepared = Input>(
  make: (scale: number) => Input,
  run: (input: Prepared) => unknown,
  {
    factor = 4,
    runs = 5,
    fresh = (input) => input as unknown as Prepared,
  }: {
    factor?: number;
    runs?: number;
    /** A fresh copy for each run (e.g. of a tree that caches), made outside the timing. */
    fresh?: (input: Input) => Prepared;
  } = {}
): Growth {
  const small = make(1);
  const large = make(factor);
  run(fresh(small)); // warm-up: compiled code and caches, so the first timing is not the cold one
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let index = 0; index < runs; index++) {
    // The small input runs `factor` times in one timing, so both timings cover about the same
    // work: a run of a few milliseconds alone is mostly timer and scheduling noise, and one
    // garbage collection in it can double it.
    const smallInputs = Array.from({ length: factor }, () => fresh(small));
    smallMs = Math.min(
      smallMs,
      timed(() => {
        for (const input of smallInputs) run(input);
      }) / factor
    );
    const largeInput = fresh(large);
    largeMs = Math.min(
      largeMs,
      timed(() => run(largeInput))
    );
  }
  // A floor of 1 ms keeps a tiny small run from making the ratio noise.
  return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 1) };
}

/**
 * Expect at most linear growth: under 2.5 times the linear ratio (4x input: under 10x time, where
 * quadratic work takes about 16x; the slack absorbs a busy machine). Prints the times so a failure
 * is easy to read.
 */
export function expectLinear(measured: Growth, factor = 4): void {
  const message = `${measured.smallMs.toFixed(1)} ms -> ${measured.largeMs.toFixed(1)} ms for ${factor}x the input (ratio ${measured.ratio.toFixed(1)})`;
  const linear = measured.ratio < factor * 2.5;
  if (!linear || process.env["KLARBREV_SHOW_GROWTH"]) {
    console.log(`${linear ? "linear" : "grows faster than linear"}: ${message}`);
  }
  expect(measured.ratio).toBeLessThan(factor * 2.5);
}

/** CPU time of the process in ms: on a shared machine, waiting for a core does not count. */
function timed(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
