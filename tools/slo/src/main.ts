// `nx run slo-tools:generate` writes the rule files from deploy/slo/*.yaml; with --check it only
// reports stale ones (exit 1), for CI and pre-commit hooks.
import { join } from 'node:path';
import { SpecError } from './slo-spec';
import { staleOutputs, writeOutputs } from './outputs';

const root = join(__dirname, '..', '..', '..');

function main(args: readonly string[]): number {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: generate [--check]`);
    return 64;
  }
  try {
    if (args.includes('--check')) {
      const stale = staleOutputs(root);
      for (const s of stale) console.error(`${s.problem}: ${s.path}`);
      if (stale.length > 0) console.error('SLO rules are stale: run `npx nx run slo-tools:generate` and commit the result.');
      else console.log('SLO rules are up to date.');
      return stale.length > 0 ? 1 : 0;
    }
    for (const path of writeOutputs(root)) console.log(`wrote ${path}`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
