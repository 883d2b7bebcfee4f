// Writes deploy/argocd/<env>/ from deploy/values/gitops.yaml; removes generated files no longer
// produced. Run with `npx nx run gitops-checks:generate`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoPath } from '../lib/repo';
import { ARGOCD_DIR, renderArgocd } from './render';
import { ENVIRONMENTS, loadSettings } from './settings';

const files = renderArgocd(loadSettings());
for (const env of ENVIRONMENTS) {
  for (const dir of [`${ARGOCD_DIR}/${env}`, `${ARGOCD_DIR}/${env}/apps`]) {
    mkdirSync(repoPath(dir), { recursive: true });
    for (const file of readdirSync(repoPath(dir))) {
      if (file.endsWith('.yaml') && !files.has(`${dir}/${file}`)) rmSync(join(repoPath(dir), file));
    }
  }
}
for (const [path, content] of files) {
  mkdirSync(dirname(repoPath(path)), { recursive: true });
  writeFileSync(repoPath(path), content);
}
console.log(`wrote ${files.size} Argo CD manifests under ${ARGOCD_DIR}/`);
