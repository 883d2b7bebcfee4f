// Each rule catches the mistake it exists for: a workflow with that mistake fails it.
import { policyProblems } from './policy';
import { parseWorkflow } from './workflow-files';
import { schemaProblems } from './workflow-schema';

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';

function workflow(jobs: string, { cancel = true, top = 'permissions: {}' } = {}): string {
  return `name: t
on:
  pull_request:
${top}
concurrency:
  group: t-\${{ github.ref }}
  cancel-in-progress: ${cancel}
jobs:
${jobs}`;
}

const GOOD_JOB = `  check:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - run: npm ci
`;

const problems = (text: string) => {
  const file = parseWorkflow('w.yml', text);
  return [...schemaProblems(file.workflow), ...policyProblems([file])];
};

describe('workflow rules', () => {
  it('accept a minimal well-formed workflow', () => {
    expect(problems(workflow(GOOD_JOB))).toEqual([]);
  });

  it.each([
    ['a tag instead of a SHA', GOOD_JOB.replace(CHECKOUT, 'actions/checkout@v5'), 'pin to a full commit SHA'],
    ['a SHA without its version', GOOD_JOB.replace(' # v5.0.0', ''), 'pin to a full commit SHA'],
    [
      'a short SHA',
      GOOD_JOB.replace('08c6903cd8c0fde910a37f88322edcfb5dd907a8', '08c6903'),
      'pin to a full commit SHA',
    ],
    [
      'an unjustified write',
      GOOD_JOB.replace('contents: read', 'contents: write'),
      'no step needs contents: write',
    ],
    [
      'an extra scope',
      GOOD_JOB.replace('contents: read', 'contents: read\n      packages: write'),
      'no step needs packages: write',
    ],
    [
      'no job permissions',
      GOOD_JOB.replace('    permissions:\n      contents: read\n', ''),
      "must have required property 'permissions'",
    ],
    [
      'no timeout',
      GOOD_JOB.replace('    timeout-minutes: 5\n', ''),
      "must have required property 'timeout-minutes'",
    ],
    [
      'a misspelt step key',
      GOOD_JOB.replace('        with:', '        wiht:'),
      'must NOT have additional properties "wiht"',
    ],
    ['an unknown scope', GOOD_JOB.replace('contents: read', 'content: read'), '/jobs/check/permissions'],
    ['an expression in a script', GOOD_JOB.replace('npm ci', 'echo ${{ github.head_ref }}'), 'through env:'],
    [
      'kept checkout credentials',
      GOOD_JOB.replace('persist-credentials: false', 'persist-credentials: true'),
      'persist-credentials: false',
    ],
  ])('reject %s', (_what, job, message) => {
    expect(problems(workflow(job)).join('\n')).toContain(message);
  });

  it('reject broad default permissions', () => {
    expect(problems(workflow(GOOD_JOB, { top: 'permissions:\n  contents: write' })).join('\n')).toContain(
      '/permissions: must NOT have more than 0 properties',
    );
  });

  it('reject a writing workflow that cancels in progress and install scripts next to a write token', () => {
    const pushing = GOOD_JOB.replace('contents: read', 'contents: write').replace(
      '      - run: npm ci\n',
      '      - run: npm ci\n      - run: git push origin HEAD:main\n',
    );
    const found = problems(workflow(pushing, { cancel: true })).join('\n');
    expect(found).toContain('must not cancel in progress');
    expect(found).toContain('without --ignore-scripts');
  });

  it('reject two versions of one action across workflows', () => {
    const other = parseWorkflow(
      'x.yml',
      workflow(
        GOOD_JOB.replace(CHECKOUT, 'actions/checkout@0000000000000000000000000000000000000000 # v4.0.0'),
      ),
    );
    expect(policyProblems([parseWorkflow('w.yml', workflow(GOOD_JOB)), other])).toContain(
      'actions/checkout pinned to 08c6903cd8c0fde910a37f88322edcfb5dd907a8, 0000000000000000000000000000000000000000',
    );
  });
});
