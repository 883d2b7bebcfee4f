// Small, careful text edits of files other projects own: insert at a recognised anchor, keep the
// author's formatting, and fail with the file's name when the anchor is gone (a changed layout
// must stop the generator, not half-register the service).
import { logger, Tree } from '@nx/devkit';

export class RegistryLayoutError extends Error {
  constructor(path: string, expected: string) {
    super(
      `${path}: could not find ${expected}. Its layout changed; update the service generator (tools/workspace-plugin) to match.`,
    );
  }
}

/**
 * Applies `edit` to the file's text. A missing file is skipped with a warning (a workspace without
 * that part of the platform); `edit` returns undefined when the anchor is missing.
 */
export function editFile(
  tree: Tree,
  path: string,
  expected: string,
  edit: (text: string) => string | undefined,
): boolean {
  const text = tree.read(path, 'utf-8');
  if (text === null) {
    logger.warn(`${path} not found: skipped (${expected}).`);
    return false;
  }
  const next = edit(text);
  if (next === undefined) throw new RegistryLayoutError(path, expected);
  if (next !== text) tree.write(path, next);
  return true;
}

/** Inserts `addition` right after the last match of `pattern` (a whole-line regex with the m flag). */
export function insertAfterLast(text: string, pattern: RegExp, addition: string): string | undefined {
  const matches = [
    ...text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
    ),
  ];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return undefined;
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}\n${addition}${text.slice(end)}`;
}
