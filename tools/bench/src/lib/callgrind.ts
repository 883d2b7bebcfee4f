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
