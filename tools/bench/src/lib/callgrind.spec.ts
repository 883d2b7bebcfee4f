import { explicitDumps, instructionsInDump } from './callgrind';

describe('callgrind dumps', () => {
  it('reads the instructions from the summary line, or the totals line of older dumps', () => {
    const dump = ['# callgrind format', 'version: 1', 'creator: callgrind-3.19.0', 'events: Ir', 'fl=(1) ???', 'fn=(1) main', '0 17', 'summary: 1421274570', ''].join('\n');
    expect(instructionsInDump(dump)).toBe(1_421_274_570);
    expect(instructionsInDump('events: Ir\ntotals: 42\n')).toBe(42);
  });

  it('refuses text that is not a callgrind dump', () => {
    expect(() => instructionsInDump('PID 626: node main.js')).toThrow('not a callgrind dump');
  });

  it('picks the explicit dumps of one process in the order they were taken, not its final dump or another process', () => {
    const files = ['cg-c.626.10', 'cg-c.626', 'cg-c.626.2', 'cg-c.626.1', 'cg-c.627.1', 'cg-a.626.1', 'cg-c.626.1.bak'];
    expect(explicitDumps(files, 'cg-c', 626)).toEqual(['cg-c.626.1', 'cg-c.626.2', 'cg-c.626.10']);
  });
});
