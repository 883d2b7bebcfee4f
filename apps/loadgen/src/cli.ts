// Benchmark / smoke-run entry point: `nx run loadgen:cli -- --rps 500 --duration 60s --target http://localhost:8081`.
import { CLI_USAGE, CliUsageError, parseCliArgs } from './app/cli/cli-args';
import { runCli } from './app/cli/run-cli';

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${CLI_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return 0;
  }
  // The first signal stops the run cleanly (summary included); a second one exits at once.
  const interrupted = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.once(signal, () => process.exit(130));
        resolve();
      });
    }
  });
  await runCli(options, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interrupted,
  });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Signal listeners would otherwise keep nothing alive, but be explicit: the run is over.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
  },
  (error: unknown) => {
    process.stderr.write(`loadgen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
