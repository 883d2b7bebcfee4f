// The receiving end of Alertmanager's webhook_configs: records every notification (the path names
// the receiver, as in deploy/local/alertmanager.yml) so the suite can read what a pager would get.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Alertmanager's webhook payload (version 4), the fields the suite reads. */
export interface WebhookAlert {
  readonly status: 'firing' | 'resolved';
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface WebhookNotification {
  /** The receiver, from the URL path (/pager → pager). */
  readonly receiver: string;
  readonly status: 'firing' | 'resolved';
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly alerts: readonly WebhookAlert[];
}

export interface WebhookSink {
  readonly port: number;
  notifications(): readonly WebhookNotification[];
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const received: WebhookNotification[] = [];
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        try {
          const payload = JSON.parse(body) as Omit<WebhookNotification, 'receiver'>;
          received.push({ ...payload, receiver: (req.url ?? '/').replace(/^\//, '') });
          res.writeHead(200).end();
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'body is not JSON' }));
        }
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    notifications: () => received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
