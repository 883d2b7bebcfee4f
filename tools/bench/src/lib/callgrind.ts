// Reading callgrind's counts: a dump's "summary:" (or "totals:") line holds the instructions
// executed (Ir) by every thread of the process between two dumps or zeroings.

/** Instructions executed in one callgrind dump file's text. */
export function instructionsInDump(text: string): number {
  const match = /^(?:summary|totals):\s+(\d+)/m.exec(text);
  if (!match) throw new Error('not a callgrind dump: no "summary:" or "totals:" line');
  return Number(match[1]);
}

/** Dump files callgrind writes for one process: <prefix>.<pid>.<n> for the n-th explicit dump. */
export function explicitDumps(files: readonly string[], prefix: string, pid: number): string[] {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.${pid}\\.\\d+$`);
  const dumpNumber = (file: string) => Number(file.slice(file.lastIndexOf('.') + 1));
  return files.filter((file) => pattern.test(file)).sort((a, b) => dumpNumber(a) - dumpNumber(b));
}

/**
 * V8's garbage collector, by the names of its functions: the scavenger, the mark-compact collector
 * (marking, sweeping, evacuation, compaction, bytecode flushing), the heap's object visitors, and the
 * write barrier's out-of-line part (Builtins_RecordWrite*), which generated code calls only to record
 * an old-to-new pointer or, while marking runs, to mark. Allocation and the barrier's inline check
 * stay with the program.
 */
const GARBAGE_COLLECTOR =
  /v8::internal::(?:[\w:<>]*(?:Scaveng|Marking|Mark(?:Bit|Compact|Sweep)|Sweep|Evacuat|Compact|RememberedSet|SlotSet|Worklist|BodyDescriptor|GCTracer|MinorMS|WriteBarrier|FlushedBytecode)|heap::)|heap::base::|^Builtins_RecordWrite/;

/** Whether a function of a callgrind dump belongs to V8's garbage collector. */
export function isGarbageCollectorFunction(name: string): boolean {
  return GARBAGE_COLLECTOR.test(name);
}

/**
 * Instructions a dump counts in the garbage collector's own functions (self cost, not inclusive).
 * Reads the function lines (`fn=(id) name`, or `fn=(id)` once `fn=` or `cfn=` named it), adds each cost line's count to the
 * current function, and skips the line after `calls=`, which carries a callee's inclusive cost.
 */
export function garbageCollectorInstructions(text: string): number {
  const names = new Map<string, string>();
  let inCollector = false;
  let afterCalls = false;
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('cfn=')) {
      // A callee's name can appear here first; later function lines then give only its id.
      const match = /^cfn=\((\d+)\) (.*)$/.exec(line);
      if (match) names.set(match[1], match[2]);
      continue;
    }
    if (line.startsWith('fn=')) {
      const match = /^fn=\((\d+)\)(?: (.*))?$/.exec(line);
      if (!match) throw new Error(`unreadable function line in a callgrind dump: ${line}`);
      if (match[2] !== undefined) names.set(match[1], match[2]);
      inCollector = isGarbageCollectorFunction(names.get(match[1]) ?? '');
      continue;
    }
    if (line.startsWith('calls=')) {
      afterCalls = true;
      continue;
    }
    if (!/^[0-9+\-*]/.test(line)) continue;
    if (afterCalls) {
      afterCalls = false;
      continue;
    }
    if (inCollector) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
