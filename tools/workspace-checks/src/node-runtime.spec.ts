// The runtime pin: npm scripts must run on Node 24 (the `node` devDependency puts its binary first
// on PATH) even on machines whose system Node is older.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('Node runtime pin', () => {
  it('runs the test suite on Node 24', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('declares Node 24 in .nvmrc and engines', () => {
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toMatch(/^>=24/);
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
  });

  it('keeps nx and every @nx/* package on one version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const all = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    const nxVersions = Object.entries(all)
      .filter(([name]) => name === 'nx' || name.startsWith('@nx/'))
      .map(([, version]) => version);
    expect(nxVersions.length).toBeGreaterThan(3);
    expect(new Set(nxVersions).size).toBe(1);
  });
});
