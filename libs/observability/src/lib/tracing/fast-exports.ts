// The OpenTelemetry SDK reads the API's and core's exports on every span (api_1.context,
// core_1.hrTime, core_1.otperformance: twenty-odd reads per server span). Both packages' index
// modules export everything through getters added with Object.defineProperty, which leaves the
// exports object in dictionary mode: optimised code cannot inline such a read, and each one is a
// call into V8's generic property lookup plus the getter (about 200 instructions; docs/performance.md).
// Replacing a package's exports, in Node's module cache, with a copy of the same values as plain
// properties, turned into a fast-mode object, makes those reads ordinary field loads. Every module
// that requires the package afterwards gets the copy; the values are the very same objects.
import Module from 'node:module';

type Exports = Record<string, unknown>;

/** The same values as plain data properties, `__esModule` included, on an object V8 keeps in fast mode. */
export function plainExports(exports: Exports): Exports {
  // A spread reads every getter once and builds the object with its size known: fast properties
  // (adding the same keys one at a time would turn it into a dictionary past a dozen).
  const copy: Exports = { ...exports };
  if (Object.prototype.hasOwnProperty.call(exports, '__esModule')) Object.defineProperty(copy, '__esModule', { value: exports['__esModule'] });
  return copy;
}

/**
 * Loads package `id` with `load` (a require from the app's own directory) and puts its plain copy
 * in Node's module cache: modules that require it from then on get the copy. Call it before anything
 * else requires the package; false when it cannot be loaded or is not a CommonJS module in the cache.
 */
export function usePlainExports(load: NodeJS.Require, id: string): boolean {
  let path: string;
  try {
    path = load.resolve(id);
    load(id);
  } catch {
    // Only an optimisation: whatever stops it here (the package not found from this directory, say)
    // is left for the app's own require to report, or not.
    return false;
  }
  const entry = (Module as unknown as { _cache: Record<string, { exports: Exports } | undefined> })._cache[path];
  if (!entry || typeof entry.exports !== 'object' || entry.exports === null) return false;
  entry.exports = plainExports(entry.exports);
  return true;
}
