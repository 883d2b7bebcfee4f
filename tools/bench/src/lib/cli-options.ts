/** A --name option that must be a positive integer, or an error that names it and the value given. */
export function positiveIntegerOption(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}
