import { explicitDumps, garbageCollectorInstructions, instructionsInDump, isGarbageCollectorFunction } from './callgrind';

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

  it('counts the self cost of the garbage collector functions, named on a call line first or compressed later', () => {
    const dump = [
      'events: Ir',
      'fn=(1) Builtins_JSEntry',
      '0 100',
      'cfn=(2) void v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>(v8::internal::FullHeapObjectSlot)',
      'calls=3 0',
      // A callee's inclusive cost: already counted under the callee itself.
      '0 5000',
      '+2 7',
      'fn=(2)',
      '0 4000',
      '* 1000',
      'fn=(3) void v8::internal::MarkingVisitorBase<v8::internal::MainMarkingVisitor>::ProcessStrongHeapObject<v8::internal::FullHeapObjectSlot>(v8::internal::Tagged<v8::internal::HeapObject>)',
      '0 300',
      'fn=(4) Builtins_RecordWriteSaveFP',
      '0 20',
      'fn=(5) v8::internal::Factory::AllocateRaw(int, v8::internal::AllocationType, v8::internal::AllocationAlignment)',
      '0 9',
      'fn=(6) 0x0000000028447e80',
      '0 50',
      'summary: 5486',
      '',
    ].join('\n');
    expect(garbageCollectorInstructions(dump)).toBe(4000 + 1000 + 300 + 20);
  });

  it('tells the collector from the program by function name', () => {
    const collector = [
      'v8::internal::MarkCompactCollector::ProcessMarkingWorklist()',
      'std::pair<unsigned long, unsigned long> v8::internal::MarkCompactCollector::ProcessMarkingWorklist<(v8::internal::MarkCompactCollector::MarkingWorklistProcessingMode)0>(v8::base::TimeDelta)',
      'void v8::internal::MarkingBarrier::Write<v8::internal::FullHeapObjectSlot>(v8::internal::Tagged<v8::internal::HeapObject>)',
      'heap::base::SlotCallbackResult v8::internal::Scavenger::ScavengeObject()',
      'v8::internal::Sweeper::RawSweep()',
      'Builtins_RecordWriteIgnoreFP',
    ];
    const program = ['Builtins_KeyedStoreIC_Megamorphic', 'v8::internal::Factory::AllocateRaw(int)', 'v8::internal::JsonStringifier::SerializeString<false>()', '0x0000000028447e80', 'uv_run'];
    expect(collector.filter((name) => !isGarbageCollectorFunction(name))).toEqual([]);
    expect(program.filter(isGarbageCollectorFunction)).toEqual([]);
  });
});
