// The chart schemas the generator ships are copies of what tools/helm renders for the existing
// charts (with and without gRPC); this fails when that renderer changes and the copies drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceFile } from '../../../testing/workspace-tree';

const files = join(__dirname, '..', 'files');

describe('generated chart values schema', () => {
  it.each([
    ['helm-schema-grpc', 'helm/users/values.schema.json'],
    ['helm-schema', 'helm/loadgen/values.schema.json'],
  ])('%s matches %s', (template, committed) => {
    expect(readFileSync(join(files, template, 'values.schema.json__tmpl__'), 'utf8')).toBe(workspaceFile(committed));
  });
});
