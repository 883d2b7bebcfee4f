import Module from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { plainExports } from './fast-exports';

// V8's own answer to "are this object's properties fast?", a natives-syntax call compiled after the flag is on.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('object', 'return %HasFastProperties(object)') as (object: object) => boolean;

/** A package index as TypeScript compiles its re-exports: each name declared void 0, then redefined as a getter. */
function writeIndexLikePackage(keys: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plain-exports-'));
  const names = Array.from({ length: keys }, (_, i) => `exports.export${i}`);
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', `${names.join(' = ')} = void 0;`, 'const values = [];'];
  for (let i = 0; i < keys; i++) {
    lines.push(`values.push(${i % 2 ? '{}' : `function f${i}() { return ${i}; }`});`);
    lines.push(`Object.defineProperty(exports, "export${i}", { enumerable: true, get: function () { return values[${i}]; } });`);
  }
  const file = join(dir, 'index.js');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('plain exports', () => {
  it('copies every value as it is, keeps __esModule out of the keys, and is in fast mode where the original is not', () => {
    const load = Module.createRequire(__filename);
    const original = load(writeIndexLikePackage(60)) as Record<string, unknown>;
    const copy = plainExports(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    for (const key of Object.keys(original)) expect(copy[key]).toBe(original[key]);
    expect(copy['__esModule']).toBe(true);
    expect(hasFastProperties(original)).toBe(false);
    expect(hasFastProperties(copy)).toBe(true);
  });

  // Swapping the copy into Node's module cache (usePlainExports) is checked in a real process by
  // preload.spec.ts: Jest's own module registry stands in for that cache here.
  it('does the same for the OpenTelemetry API and core packages, whose exports are dictionaries', () => {
    const load = Module.createRequire(__filename);
    for (const id of ['@opentelemetry/api', '@opentelemetry/core']) {
      const original = load(id) as Record<string, unknown>;
      expect(hasFastProperties(original)).toBe(false);
      const copy = plainExports(original);
      expect(hasFastProperties(copy)).toBe(true);
      expect(Object.keys(copy).length).toBeGreaterThan(20);
    }
  });
});
