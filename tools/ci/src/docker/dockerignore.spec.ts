import { isIgnored, parseDockerignore } from './dockerignore';

describe('dockerignore matching', () => {
  const rules = parseDockerignore(`
# comment
**/node_modules
/dist/
*.log
.env.*
!.env.example
docs
!docs/keep.md
`);

  it.each([
    ['node_modules/a.js', true],
    ['libs/x/node_modules/a.js', true],
    ['dist/apps/main.js', true],
    ['distribution/a', false],
    ['a.log', true],
    ['logs/a.log', false],
    ['.env.local', true],
    ['.env.example', false],
    ['docs/runbook.md', true],
    ['docs/keep.md', false],
    ['src/docs.ts', false],
  ])('%s ignored: %s', (path, ignored) => {
    expect(isIgnored(rules, path)).toBe(ignored);
  });
});
