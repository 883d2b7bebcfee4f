// Prometheus itself accepts every committed rule file (the charts' copies included): no rule silently
// fails to load.
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateOutputs } from '../outputs';

const root = join(__dirname, '..', '..', '..', '..');

describeWithBinaries([PROMTOOL], 'promtool check rules', () => {
  it('accepts every generated rule file', () => {
    const files = [...generateOutputs(root).keys()].map((p) => join(root, p));
    const run = spawnSync('promtool', ['check', 'rules', ...files], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
    expect(run.stdout.match(/SUCCESS: 36 rules found/g)).toHaveLength(files.length);
  });
});
