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
    ['libs/contracts/src/probe.ts', '@obs/observability', 'contracts import nothing but contracts'],
  ])('forbids %s importing %s (%s)', (file, importPath) => {
    const errors = boundaryErrors(file, importPath);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/tagged with/);
  });

  it.each([['libs/observability/src/probe.ts', '@obs/contracts', 'observability builds on contracts']])(
    'allows %s importing %s (%s)',
    (file, importPath) => {
      expect(boundaryErrors(file, importPath)).toEqual([]);
    },
  );
});
