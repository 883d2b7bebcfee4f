// Edits the image of an app in deploy/values/<env>/<app>.yaml, the files Argo CD layers over each
// chart's values. The YAML is edited as a document, not re-serialised from data, so the comments
// that explain each key survive every CI commit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';

export interface ImageRef {
  /** Registry and repository without tag, e.g. ghcr.io/acme/orders. */
  readonly repository: string;
  readonly tag: string;
}

/** The image tag grammar of the OCI distribution spec, also the pattern of the charts' values.schema.json. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Lower-case registry/path components, as registries require (no tag, no digest). */
const REPOSITORY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;
const APP = /^[a-z][a-z0-9-]*$/;

export function validateImage(image: ImageRef): ImageRef {
  if (!TAG.test(image.tag)) throw new Error(`invalid image tag "${image.tag}"`);
  if (!REPOSITORY.test(image.repository)) {
    throw new Error(`invalid image repository "${image.repository}" (lower-case registry/path, no tag)`);
  }
  return image;
}

export function validateAppName(app: string): string {
  if (!APP.test(app)) throw new Error(`invalid app name "${app}"`);
  return app;
}

/** Returns the values file text with image.repository and image.tag set; other keys and comments kept. */
export function withImage(valuesYaml: string, image: ImageRef): string {
  validateImage(image);
  const doc = parseDocument(valuesYaml);
  if (doc.errors.length > 0) throw new Error(`values file does not parse: ${doc.errors[0]?.message}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('values file is not a YAML mapping');
  const current = doc.get('image');
  if (current !== undefined && current !== null && !isMap(current)) throw new Error('image is not a mapping');
  doc.setIn(['image', 'repository'], image.repository);
  doc.setIn(['image', 'tag'], image.tag);
  return doc.toString();
}

/** The image a values file pins, or undefined when it pins none (the chart default applies). */
export function readImage(valuesYaml: string): ImageRef | undefined {
  const doc = parseDocument(valuesYaml);
  if (doc.errors.length > 0) throw new Error(`values file does not parse: ${doc.errors[0]?.message}`);
  const repository: unknown = doc.getIn(['image', 'repository']);
  const tag: unknown = doc.getIn(['image', 'tag']);
  if (typeof repository !== 'string' || typeof tag !== 'string') return undefined;
  return { repository, tag };
}

export function valuesFile(valuesDir: string, env: string, app: string): string {
  return join(valuesDir, validateAppName(env), `${validateAppName(app)}.yaml`);
}

const NEW_FILE_HEADER = (env: string, app: string) =>
  `# ${env} overrides of the ${app} chart (layered over deploy/values/common/${app}.yaml by Argo CD).\n` +
  `# image is written by CI (tools/ci/src/gitops/cli.ts); edit the other keys by hand.\n`;

/** Writes the image into deploy/values/<env>/<app>.yaml, creating the file when the app has none yet. */
export function setImage(valuesDir: string, env: string, app: string, image: ImageRef): string {
  const file = valuesFile(valuesDir, env, app);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : NEW_FILE_HEADER(env, app);
  writeFileSync(file, withImage(before, image));
  return file;
}

/**
 * Copies each app's image from one environment's values to another's (dev → prod promotion).
 * Apps whose source file pins no image are reported, not guessed.
 */
export function promoteImages(
  valuesDir: string,
  from: string,
  to: string,
  apps: readonly string[],
): { promoted: Record<string, ImageRef>; missing: string[] } {
  const promoted: Record<string, ImageRef> = {};
  const missing: string[] = [];
  for (const app of apps) {
    const source = valuesFile(valuesDir, from, app);
    const image = existsSync(source) ? readImage(readFileSync(source, 'utf8')) : undefined;
    if (!image) {
      missing.push(app);
      continue;
    }
    setImage(valuesDir, to, app, image);
    promoted[app] = image;
  }
  return { promoted, missing };
}
