// Proves the tag constraint matrix in eslint.config.mjs bites: each case lints a one-line file placed
// (virtually) inside a real project and expects @nx/enforce-module-boundaries to allow or forbid it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const RULE = '@nx/enforce-module-boundaries';

// ESLint runs in a child process because its flat config is ESM, which Jest's VM cannot import.
function boundaryErrors(fileInProject: string, importPath: string): string[] {
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', fileInProject], {
    cwd: root,
    input: `import * as dep from '${importPath}';\nexport const used = dep;\n`,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it.each([
    ['libs/contracts/src/probe.ts', '@obs/testing', 'contracts import nothing but contracts'],
    ['libs/persistence/src/probe.ts', '@obs/faults', 'data-access never reaches up into features'],
    ['apps/orders/src/probe.ts', '../../users/src/main', 'apps never import apps'],
    ['libs/faults/src/probe.ts', '../../../apps/users/src/main', 'libs never import apps'],
  ])('forbids %s importing %s (%s)', (file, importPath) => {
    const errors = boundaryErrors(file, importPath);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('names the violated tag constraint', () => {
    expect(boundaryErrors('libs/contracts/src/probe.ts', '@obs/testing').join('\n')).toMatch(
      /tagged with "type:contracts" can only depend on libs tagged with "type:contracts"/,
    );
  });

  it.each([
    ['libs/observability/src/probe.ts', '@obs/contracts', 'observability builds on contracts'],
    ['apps/orders/src/probe.ts', '@obs/observability', 'apps build on the observability lib'],
    ['libs/persistence/src/probe.ts', '@obs/observability', 'data-access registers readiness checks'],
  ])('allows %s importing %s (%s)', (file, importPath) => {
    expect(boundaryErrors(file, importPath)).toEqual([]);
  });
});
