/**
 * `npm run bench` — throughput and latency of the platform on SQLite and PostgreSQL, each figure next to its
 * ceiling measured in the same run: a bare Fastify route on the same machine (HTTP ceiling). Not part of `npm test`.
 *   npm run bench                 the scale suite alone (issue 7), see bench/scale.ts: 1,000,000 dossiers
 *                                 (BENCH_SCALE_DOSSIERS) on SQLite (one node) and PostgreSQL (one and two nodes), each
 *                                 figure beside the HTTP and the storage ceiling, goals met / NOT met
 *                                 → bench-results/scale.{json,md}. The first run generates and caches the datasets
 *                                 (.tmp/bench-cache/, about a quarter of an hour per database at 1,000,000 on 2 cores);
 *                                 later runs take some minutes.
 *   npm run bench -- all          every part below (hours at the default sizes: not the default)
 *   npm run bench -- scale        the same as no argument
 *   npm run bench -- foundation   the request path only   → bench-results/foundation.{json,md}
 *   npm run bench -- dossiers     the one-stop dossiers   → bench-results/dossiers.{json,md}
 *   npm run bench -- payments     IPN confirmations (one signed success per started order, all 00, valid payments =
 *                                 orders), a duplicate-IPN storm (one 00, then 02, one payment) and fee quotes
 *                                 → bench-results/payments.{json,md}
 *   npm run bench -- documents-search   document search (FTS5 / GIN) over BENCH_DOCUMENTS (default 100,000) documents
 *                                 → bench-results/documents-search.{json,md}
 *   npm run bench -- signatures   signatures/s and verifications/s for a 1 MB PDF, in process → bench-results/signatures.{json,md}
 *   npm run bench -- service-index   the Decision 766 index of every unit, the dashboard and the public statistics over a
 *                                 year of BENCH_INDEX_DOSSIERS (default 1,000,000) dossiers → bench-results/service-index.{json,md}
 * BENCH_SECONDS (default 5) per scenario, BENCH_CONNECTIONS (default 10), BENCH_DOSSIERS (default 100000),
 * BENCH_PAYMENT_ORDERS (default: sized from a warm-up to last BENCH_SECONDS).
 * What would make filing faster on SQLite (fsync, statement reuse), measured: npx tsx bench/filing-experiments.ts
 */
import { startPostgresCluster } from '../test/support/postgres-cluster.js';
import { benchDossiers } from './dossiers.js';
import { benchFoundation } from './foundation.js';
import { benchPayments } from './payments.js';
import { benchDocumentsSearch } from './documents-search.js';
import { benchSignatures } from './signatures.js';
import { benchServiceIndex } from './service-index.js';
import { benchScale } from './scale.js';
import { measureCeiling } from './support.js';

const PARTS = ['foundation', 'dossiers', 'payments', 'documents-search', 'signatures', 'service-index', 'scale'] as const;

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => a !== 'all' && !(PARTS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown bench part(s): ${unknown.join(', ')} (known: ${PARTS.join(', ')}, all)`);
  const parts: string[] = asked.includes('all') ? [...PARTS] : asked.length > 0 ? asked : ['scale'];
  const ceiling = await measureCeiling();
  if (parts.includes('scale')) await benchScale(ceiling);
  if (parts.every((p) => p === 'scale')) return;
  // The other parts share one throwaway cluster (fsync off); the scale part runs its own with production durability.
  const cluster = await startPostgresCluster();
  try {
    if (parts.includes('foundation')) await benchFoundation(ceiling, cluster);
    if (parts.includes('dossiers')) await benchDossiers(ceiling, cluster);
    if (parts.includes('payments')) await benchPayments(ceiling, cluster);
    if (parts.includes('documents-search')) await benchDocumentsSearch(ceiling, cluster);
    if (parts.includes('signatures')) await benchSignatures();
    if (parts.includes('service-index')) await benchServiceIndex(cluster);
  } finally {
    cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
