// A real HTTP server on a free port for tests: answers, hangs, or records what it was sent.
import { createServer, IncomingHttpHeaders, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface LocalTargetOptions {
  /** 'hang' never answers (a stuck service); 'ok' answers at once. */
  behaviour?: 'ok' | 'hang';
  /** JSON returned for POSTs (e.g. a created order). */
  postResponse?: (body: string) => unknown;
  /** How many requests' headers to keep (the first ones). */
  keepHeaders?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LocalTarget {
  url: string;
  received(): number;
  /** Requests currently open on the server (hung ones included). */
  open(): number;
  recorded(): readonly RecordedRequest[];
  close(): Promise<void>;
}

export async function startLocalTarget(options: LocalTargetOptions = {}): Promise<LocalTarget> {
  const keep = options.keepHeaders ?? 200;
  const recorded: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let received = 0;
  const server = createServer((req, res) => {
    received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      if (recorded.length < keep)
        recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (options.behaviour === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      const payload =
        req.method === 'POST' && options.postResponse ? options.postResponse(body) : { ok: true };
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    open: () => hanging.size,
    recorded: () => recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
