// The load generator's benchmark target: the least an HTTP server can do (fixed 2-byte body), so the
// numbers measure the client. Env: PORT.
import { createServer } from 'node:http';

const body = Buffer.from('ok');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close());
