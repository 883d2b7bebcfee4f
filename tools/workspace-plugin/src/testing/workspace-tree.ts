// An empty Nx workspace seeded with this workspace's real registry files (read from disk), so the
// generator's specs exercise the layouts it must edit, and fail when one of them changes shape.
// The seed is flushed to a temp dir and reopened, so the seeded files are the tree's committed
// state (as in a real run) rather than pending changes that formatFiles would reformat.
import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

export const SEEDED_FILES = [
  '.prettierrc',
  'libs/contracts/src/lib/services.ts',
  'libs/contracts/src/lib/proto-paths.ts',
  'libs/contracts/src/index.ts',
  'eslint.config.mjs',
  'tools/gitops/src/argocd/stack.ts',
  'deploy/argocd/dev/apps/platform-apps.yaml',
  'deploy/argocd/prod/apps/platform-apps.yaml',
  'deploy/local/prometheus.yml',
  'tools/slo/project.json',
  'apps/users/.env.example',
  'helm/users/values.yaml',
] as const;

export function workspaceFile(path: string): string {
  return readFileSync(join(WORKSPACE_ROOT, path), 'utf8');
}

const seededDirs: string[] = [];

export function seededTree(): Tree {
  // This workspace formats with Prettier (.prettierrc, seeded below), not the testing default oxfmt.
  const seed = createTreeWithEmptyWorkspace({ formatter: 'prettier' });
  for (const path of SEEDED_FILES) {
    if (existsSync(join(WORKSPACE_ROOT, path))) seed.write(path, workspaceFile(path));
  }
  const dir = mkdtempSync(join(tmpdir(), 'workspace-plugin-tree-'));
  seededDirs.push(dir);
  flushChanges(dir, seed.listChanges());
  return new FsTree(dir, false);
}

/** Removes the temp dirs behind the trees (call from afterAll). */
export function disposeSeededTrees(): void {
  for (const dir of seededDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not generated`);
  return text;
}
