// The proven closed-loop client (autocannon) at fixed concurrency, reduced to the figures we report.
import autocannon from 'autocannon';
import type { ClientRun } from './types';

export async function runAutocannon(url: string, connections: number, seconds: number, method: 'GET' | 'POST' = 'GET', body?: string): Promise<ClientRun> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method,
    ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
  });
  return {
    rps: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A fixed number of GET requests at fixed concurrency; returns how many got a 2xx. */
export async function runRequests(url: string, connections: number, amount: number): Promise<number> {
  const result = await autocannon({ url, connections, amount });
  return result['2xx'];
}
