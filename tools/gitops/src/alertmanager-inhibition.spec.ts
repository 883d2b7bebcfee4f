// Inhibition in a real Alertmanager (the Debian prometheus-alertmanager) running the local
// configuration on free ports: alerts are posted through its API and their suppression read back,
// and the Watchdog heartbeat reaches the local webhook sink.
import { ALERTMANAGER, describeWithBinaries, freePort, ManagedProcess, startProcess, waitFor, waitForHttp } from '@obs/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './lib/repo';
import { LOCAL_CONFIG, LOCAL_SINK } from './lib/alertmanager-config';

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string; inhibitedBy: string[] };
}

const ALERTS: Array<{ labels: Record<string, string>; inhibited: boolean }> = [
  // payments is down: its callers' symptoms about payments (target=payments) are muted.
  { labels: { alertname: 'ServiceDown', service: 'payments', severity: 'critical', outage: 'true', target: 'payments' }, inhibited: false },
  { labels: { alertname: 'DependencyErrors', service: 'orders', severity: 'warning', target: 'payments' }, inhibited: true },
  { labels: { alertname: 'CircuitBreakerOpen', service: 'loadgen', severity: 'critical', target: 'payments' }, inhibited: true },
  // A symptom about another dependency is not the outage's doing.
  { labels: { alertname: 'DependencyErrors', service: 'orders', severity: 'warning', target: 'users' }, inhibited: false },
  // critical mutes warning on the same service only.
  { labels: { alertname: 'HighErrorRate', service: 'users', severity: 'critical' }, inhibited: false },
  { labels: { alertname: 'HighLatency', service: 'users', severity: 'warning' }, inhibited: true },
  { labels: { alertname: 'CacheMissRate', service: 'users', severity: 'info' }, inhibited: false },
  { labels: { alertname: 'HighLatency', service: 'orders', severity: 'warning' }, inhibited: false },
  { labels: { alertname: 'Watchdog', severity: 'none' }, inhibited: false },
];

describeWithBinaries([ALERTMANAGER], 'Alertmanager running the local configuration', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let alertmanager: ManagedProcess;
  let sink: Server;
  let api: string;
  const received: Array<{ path: string; body: { receiver: string; alerts: Array<{ labels: Record<string, string> }> } }> = [];

  beforeAll(async () => {
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) });
        res.writeHead(200).end();
      });
    });
    const sinkPort = await freePort();
    await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'alertmanager-'));
    const config = join(dir, 'alertmanager.yml');
    writeFileSync(config, readFileSync(repoPath(LOCAL_CONFIG), 'utf8').replaceAll(LOCAL_SINK, `127.0.0.1:${sinkPort}`));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    alertmanager = startProcess(ALERTMANAGER.binary, [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ]);
    await waitForHttp(`${api}/-/ready`).catch((error: Error) => {
      throw new Error(`${error.message}\n${alertmanager.output()}`);
    });
    const res = await fetch(`${api}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ALERTS.map(({ labels }) => ({ labels, annotations: { summary: labels['alertname'] } }))),
    });
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await new Promise((resolve) => sink?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('mutes exactly the dependents\' symptoms and the warnings next to a critical alert', async () => {
    const key = (labels: Record<string, string>) => `${labels['alertname']}/${labels['service'] ?? '-'}/${labels['target'] ?? '-'}`;
    const expected = Object.fromEntries(ALERTS.map((a) => [key(a.labels), a.inhibited]).sort());
    const states = async () => {
      const alerts = (await (await fetch(`${api}/api/v2/alerts`)).json()) as ApiAlert[];
      return Object.fromEntries(alerts.map((a) => [key(a.labels), a.status.inhibitedBy.length > 0]).sort());
    };
    // The inhibitor learns of source alerts asynchronously: poll until settled, then compare.
    await waitFor(
      async () => (JSON.stringify(await states()) === JSON.stringify(expected) ? true : undefined),
      { timeoutMs: 20_000, what: 'inhibition to settle' },
    ).catch(() => undefined);
    const actual = await states();
    expect(actual).toEqual(expected);
  });

  it('delivers the Watchdog heartbeat to the heartbeat webhook at once', async () => {
    const heartbeat = await waitFor(async () => received.find((r) => r.path === '/heartbeat'), { timeoutMs: 20_000, what: 'the heartbeat webhook' });
    expect(heartbeat.body.receiver).toBe('heartbeat');
    expect(heartbeat.body.alerts.map((a) => a.labels['alertname'])).toEqual(['Watchdog']);
  });
});
