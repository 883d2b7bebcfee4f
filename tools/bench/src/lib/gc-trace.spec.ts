import { spawnSync } from 'node:child_process';
import { gcDelta, gcTotals } from './gc-trace';

describe('gcTotals', () => {
  it('sums allocated= over the collections of real --trace-gc-nvp output, ignoring the lines around them', () => {
    // About 64 MB of short-lived arrays: several scavenges, each reporting what was allocated since the last.
    const script = "console.log(JSON.stringify({ level: 'info', msg: 'allocated=999 is not a GC line' })); let keep; for (let i = 0; i < 2e5; i++) keep = new Array(40).fill(i); console.log(keep.length);";
    const run = spawnSync(process.execPath, ['--trace-gc-nvp', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const totals = gcTotals(run.stdout);
    expect(totals.collections).toBeGreaterThan(0);
    // Each array is at least 40 × 8 bytes; V8 reports every one of them at some collection, less
    // whatever was allocated after the last one.
    expect(totals.allocatedBytes).toBeGreaterThan(0.5 * 2e5 * 40 * 8);
    expect(totals.allocatedBytes).toBeLessThan(10 * 2e5 * 40 * 8);
  });

  it('reads the field wherever it sits in the line, and not a longer name that ends in it', () => {
    const output = ['pause=0.7 mutator=1.2 allocated=1000 promoted=0', 'pause=1.1 allocated=500', 'preallocated=7', 'nothing here'].join('\n');
    expect(gcTotals(output)).toEqual({ allocatedBytes: 1500, collections: 2 });
  });

  it('gives the difference between two readings of a growing output', () => {
    expect(gcDelta({ allocatedBytes: 1500, collections: 2 }, { allocatedBytes: 4000, collections: 5 })).toEqual({ allocatedBytes: 2500, collections: 3 });
  });
});
