// Probes and scrapes: requested every few seconds by machines, so they get neither a span nor a
// request log line (they would be most of both and none of the interesting part).
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/metrics', '/healthz', '/readyz']);

/** The path of a request URL without its query string. */
export function pathWithoutQuery(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
