#!/usr/bin/env node
// slo-report: SLO status from a Prometheus HTTP API, for people (table) and CI gates (exit code 2).
import { runCli } from './lib/cli';

runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`slo-report: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
