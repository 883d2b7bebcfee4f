// Reads V8's `--trace-gc-nvp` lines: each garbage collection prints name=value pairs, among them
// `allocated=` (bytes allocated on the heap since the previous collection). Summed over the
// collections of a load window, they give the bytes a request allocates, a figure that does not move
// with the host's load the way time does. Other lines (the app's JSON logs) are ignored.

export interface GcTotals {
  /** Bytes allocated, summed over the collections seen. */
  allocatedBytes: number;
  collections: number;
}

const ALLOCATED = /(?:^|\s)allocated=(\d+)(?:\s|$)/;

export function gcTotals(output: string): GcTotals {
  let allocatedBytes = 0;
  let collections = 0;
  for (const line of output.split('\n')) {
    const match = ALLOCATED.exec(line);
    if (!match) continue;
    allocatedBytes += Number(match[1]);
    collections += 1;
  }
  return { allocatedBytes, collections };
}

/** What happened between two readings of the same growing output. */
export function gcDelta(before: GcTotals, after: GcTotals): GcTotals {
  return { allocatedBytes: after.allocatedBytes - before.allocatedBytes, collections: after.collections - before.collections };
}
