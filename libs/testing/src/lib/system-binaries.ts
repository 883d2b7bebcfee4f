// Tests that need a system binary (promtool, prometheus, alertmanager, …) find it on PATH. Where it
// is missing they skip with a message naming the Debian package, except under CI=true, where the
// missing binary fails the run so CI always exercises them.
import { spawnSync } from 'node:child_process';

export function findOnPath(binary: string): string | undefined {
  const which = spawnSync('sh', ['-c', `command -v ${JSON.stringify(binary)}`], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? found : undefined;
}

export interface RequiredBinary {
  readonly binary: string;
  readonly debianPackage: string;
}

/** Binaries from the list that are not on PATH. */
export function missingBinaries(required: readonly RequiredBinary[]): RequiredBinary[] {
  return required.filter((r) => !findOnPath(r.binary));
}

/**
 * `describe` when every binary is present; otherwise a skipped block plus a warning naming the
 * packages to install, or (under CI=true) a failing test.
 */
export function describeWithBinaries(
  required: readonly RequiredBinary[],
  name: string,
  body: () => void,
): void {
  const missing = missingBinaries(required);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const advice = `missing ${missing.map((m) => m.binary).join(', ')}: apt-get install -y ${[
    ...new Set(missing.map((m) => m.debianPackage)),
  ].join(' ')}`;
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has its system binaries (CI=true never skips)', () => {
        throw new Error(advice);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${advice}`);
  const skipped = describe.skip;
  skipped(name, body);
}

export const PROMTOOL: RequiredBinary = { binary: 'promtool', debianPackage: 'prometheus' };
export const PROMETHEUS: RequiredBinary = { binary: 'prometheus', debianPackage: 'prometheus' };
export const ALERTMANAGER: RequiredBinary = { binary: 'prometheus-alertmanager', debianPackage: 'prometheus-alertmanager' };
export const AMTOOL: RequiredBinary = { binary: 'amtool', debianPackage: 'prometheus-alertmanager' };
