// Helm's value merging for the checks: later files override earlier ones key by key; lists and
// scalars replace.
export type Values = Record<string, unknown>;

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeValues(...layers: Values[]): Values {
  const result: Values = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      result[key] = isObject(value) && isObject(result[key]) ? mergeValues(result[key] as Values, value) : value;
    }
  }
  return result;
}

/** `a.b.c` lookup through nested objects. */
export function at(values: Values, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), values);
}
