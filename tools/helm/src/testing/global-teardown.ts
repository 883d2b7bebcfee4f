// Removes the workspace global-setup.ts prepared.
import { rmSync } from 'node:fs';
import { PREPARED_DIR_ENV } from './chart-workspace';

export default function globalTeardown(): void {
  const dir = process.env[PREPARED_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
