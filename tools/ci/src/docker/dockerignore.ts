// .dockerignore semantics (moby/patternmatcher): patterns relative to the context root, `**` for any
// depth, `!` re-includes, the last matching pattern wins, and a pattern that matches a directory
// excludes everything under it.
import { readFileSync } from 'node:fs';
import { matchesGlob, posix } from 'node:path';

export interface IgnoreRule {
  readonly pattern: string;
  readonly negate: boolean;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = posix
        .normalize((negate ? l.slice(1) : l).trim())
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
      return { pattern, negate };
    });
}

export function readDockerignore(path: string): IgnoreRule[] {
  return parseDockerignore(readFileSync(path, 'utf8'));
}

/** The path itself and each of its parent directories: a/b/c → a, a/b, a/b/c. */
function selfAndParents(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Whether the build context leaves out this path (relative, forward slashes). */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  const candidates = selfAndParents(posix.normalize(path));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => matchesGlob(c, rule.pattern))) ignored = !rule.negate;
  }
  return ignored;
}
