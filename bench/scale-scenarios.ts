/**
 * The scale bench's HTTP scenarios against one or two server nodes: each node gets its share of the connections
 * from its own autocannon (a round-robin client: the nodes are equal, and no proxy's cost hides in the figures).
 * Over two nodes the rates add up; the latency reported is the worse node's.
 */
import autocannon from 'autocannon';
import { CONNECTIONS, DURATION_S, type Measurement } from './support.js';

export type Request = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

/** Runs the load over every node at once; `next(node)` gives each request (a new key, a new code…). */
export async function measureNodes(
  urls: string[],
  next: (node: number) => Request,
  options: { connections?: number; amount?: number; allowFailures?: boolean } = {},
): Promise<Measurement> {
  const connections = Math.max(1, Math.round((options.connections ?? CONNECTIONS) / urls.length));
  // Timed here: autocannon reports whole seconds, so a run of 100 requests in 0.1 s would read as 100/s.
  const started = performance.now();
  const results = await Promise.all(
    urls.map((url, node) => {
      const first = next(node);
      return autocannon({
        url: url + first.path,
        connections,
        // A search or a dashboard at 1,000,000 dossiers may take seconds: a slow answer is measured, not cut off.
        timeout: 60,
        ...(options.amount !== undefined ? { amount: Math.max(connections, Math.floor(options.amount / urls.length)) } : { duration: DURATION_S }),
        requests: [
          {
            setupRequest: (request) => {
              const r = next(node);
              return { ...request, method: r.method, path: r.path, body: r.body, headers: { ...request.headers, ...r.headers } };
            },
          },
        ],
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const m: Measurement = {
    // Throughput counts answered requests (2xx) only: a 503 or 429 refusal is quick, and would flatter the rate.
    rps: Math.round((results.reduce((sum, r) => sum + r['2xx'], 0) / seconds) * 10) / 10,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    ok: results.reduce((sum, r) => sum + r['2xx'], 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    seconds,
  };
  if (m.non2xx > 0) {
    // One more request like the failed ones, to print why (status and the start of the problem body).
    const r = next(0);
    const response = await fetch(urls[0] + r.path, { method: r.method, body: r.body, headers: r.headers });
    console.log(`             ${m.non2xx} non-2xx; e.g. ${r.method} ${r.path} → ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  if (!options.allowFailures && (m.non2xx > 0 || m.errors > 0)) throw new Error(`${urls.join(', ')}: ${m.non2xx} non-2xx, ${m.errors} errors`);
  return m;
}

/**
 * A request-sized run: about DURATION_S at the rate a short warm-up shows, every request counted (with a duration,
 * requests in flight at the cut-off would be committed but never counted, and a scenario slower than the duration
 * would show nothing). `acknowledged`: 2xx answers of both runs.
 */
export async function measureSized(
  urls: string[],
  next: (node: number) => Request,
  options: { available?: number; connections?: number } = {},
): Promise<Measurement & { acknowledged: number }> {
  const connections = options.connections ?? CONNECTIONS;
  const available = options.available ?? Number.POSITIVE_INFINITY;
  const warmUpAmount = Math.min(available, 2 * connections);
  const warmUp = await measureNodes(urls, next, { connections, amount: warmUpAmount, allowFailures: true });
  const perSecond = warmUp.ok / warmUp.seconds;
  const amount = Math.min(available - warmUpAmount, Math.max(2 * connections, Math.round(perSecond * DURATION_S)));
  const m = await measureNodes(urls, next, { connections, amount, allowFailures: true });
  return { ...m, acknowledged: warmUp.ok + m.ok, non2xx: warmUp.non2xx + m.non2xx, errors: warmUp.errors + m.errors };
}
