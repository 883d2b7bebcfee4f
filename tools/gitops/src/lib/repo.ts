// Paths and file loading shared by the generator and the specs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export function repoPath(...segments: string[]): string {
  return join(REPO_ROOT, ...segments);
}

/** Every file under `dir` (relative to the repo root) whose name matches, as repo-relative paths. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  const root = repoPath(dir);
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(entry)) found.push(relative(REPO_ROOT, full));
    }
  };
  walk(root);
  return found.sort();
}

/** All YAML documents of a repo-relative file; throws with the file name and the parser's message. */
export function loadYamlDocuments(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(repoPath(file), 'utf8'));
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  });
}

export function loadYaml<T>(file: string): T {
  const [first] = loadYamlDocuments(file);
  return first as T;
}
