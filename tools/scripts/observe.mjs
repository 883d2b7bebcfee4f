// `npm run observe`: Debian's prometheus (exemplar storage on) and prometheus-alertmanager against
// deploy/local, next to the apps of `npm start`. Data lives under .data/ so restarts keep history.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const local = join(root, 'deploy', 'local');

const binaries = [
  { bin: 'prometheus', pkg: 'prometheus' },
  { bin: 'prometheus-alertmanager', pkg: 'prometheus-alertmanager' },
];
const missing = binaries.filter(({ bin }) => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0);
if (missing.length > 0) {
  console.error(
    `Missing ${missing.map((m) => m.bin).join(' and ')}. On Debian or Ubuntu install them with:\n` +
      `  sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}\n` +
      'or run Grafana LGTM with Docker instead: docker compose -f deploy/local/compose.yaml up',
  );
  process.exit(1);
}

const dataDir = join(root, '.data');
mkdirSync(join(dataDir, 'prometheus'), { recursive: true });
mkdirSync(join(dataDir, 'alertmanager'), { recursive: true });

const children = [
  spawn(
    'prometheus',
    [
      `--config.file=${join(local, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dataDir, 'prometheus')}`,
      '--web.listen-address=127.0.0.1:9090',
      '--enable-feature=exemplar-storage',
      '--web.enable-lifecycle',
    ],
    { stdio: 'inherit' },
  ),
  spawn(
    'prometheus-alertmanager',
    [
      `--config.file=${join(local, 'alertmanager.yml')}`,
      `--storage.path=${join(dataDir, 'alertmanager')}`,
      '--web.listen-address=127.0.0.1:9093',
      '--cluster.listen-address=',
    ],
    { stdio: 'inherit' },
  ),
];

console.log('Prometheus:   http://127.0.0.1:9090  (alerts: /alerts, exemplars: enable in the graph view)');
console.log('Alertmanager: http://127.0.0.1:9093');

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) console.error(`${child.spawnfile} exited with ${code}; stopping the rest`);
    stop();
  });
}
