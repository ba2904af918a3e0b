/**
 * Document search under load (issue 4): GET /api/documents/search over BENCH_DOCUMENTS (default 100,000) documents
 * on SQLite (FTS5) and PostgreSQL (GIN over to_tsvector), each as a share of the bare Fastify route of the same run.
 * Documents are spread over 12 units with folded metadata and ~600 characters of folded PDF text each, 2 % of them
 * confidential; the caller is a records clerk of the whole province (the widest read scope, so the most rows to
 * consider). Queries: a rare word, a common two-word phrase, three words across metadata and content, a notation,
 * and a filter-only listing; over HTTP (autocannon, BENCH_CONNECTIONS callers) and in process (one caller). Results: bench-results/documents-search.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import type { DocumentsTable } from '../src/platform/database/schema.js';
import { foldVietnamese } from '../src/platform/text/fold.js';
import { insertUnit, insertUser, sessionTokenFor } from '../test/support/fixtures.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { searchDocuments } from '../src/modules/documents/search/search-documents.js';
import type { SearchQuery } from '../src/modules/documents/search/search.schema.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';
import { listen, machineLine, measure, openBenchDatabase, rowOf, rowsTable, writeResults, type Row } from './support.js';
import { pick, seededRandom } from './vietnamese-people.js';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const BATCH = 200;

const TYPES: [string, string][] = [['QD', 'Quyết định'], ['CV', 'Công văn'], ['TB', 'Thông báo'], ['KH', 'Kế hoạch'], ['BC', 'Báo cáo'], ['TTR', 'Tờ trình'], ['GM', 'Giấy mời']];
const TOPICS = [
  'giao đất đai cho hộ gia đình', 'phê duyệt quy hoạch sử dụng đất', 'tổ chức Hội nghị tổng kết công tác năm', 'phòng chống thiên tai và tìm kiếm cứu nạn',
  'triển khai chuyển đổi số', 'kiện toàn Ban chỉ đạo', 'bảo vệ và phát triển rừng', 'cải cách hành chính', 'xây dựng nông thôn mới', 'phổ biến giáo dục pháp luật',
  'quản lý giá đất', 'thanh tra, kiểm tra việc chấp hành', 'đầu tư công trung hạn', 'tuyển dụng công chức', 'hỗ trợ đồng bào dân tộc thiểu số', 'phòng, chống dịch bệnh',
];
const PLACES = ['huyện Mường Nhé', 'huyện Điện Biên Đông', 'thành phố Điện Biên Phủ', 'huyện Tuần Giáo', 'huyện Mường Chà', 'thị xã Mường Lay', 'huyện Nậm Pồ', 'huyện Tủa Chùa'];
const CONTENT = [
  'Căn cứ Luật Tổ chức chính quyền địa phương', 'theo đề nghị của Giám đốc Sở', 'các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành',
  'báo cáo kết quả thực hiện trước ngày 15 hằng tháng', 'kinh phí thực hiện từ nguồn ngân sách nhà nước', 'giao Ủy ban nhân dân các huyện chủ trì',
  'phối hợp chặt chẽ với Mặt trận Tổ quốc', 'bảo đảm an ninh, trật tự trên địa bàn', 'tăng cường công tác tuyên truyền', 'rà soát, đánh giá hiện trạng',
];
/** A word that only a few documents hold in their PDF text: the selective query. */
const RARE = 'Pa Thơm';

interface DialectResult {
  database: DialectName;
  documents: number;
  loadSeconds: number;
  rows: Row[];
  totals: Record<string, number>;
  /** searchDocuments called directly, one caller at a time: the latency a user sees without HTTP or queueing. */
  inProcess: { query: string; calls: number; p50Ms: number; p99Ms: number }[];
}

const IN_PROCESS_CALLS = 40;

async function timeInProcess(db: Db, dialect: DialectName, actor: Actor, query: string): Promise<{ p50Ms: number; p99Ms: number }> {
  const params = Object.fromEntries(new URLSearchParams(query)) as SearchQuery;
  const context = { actorId: actor.userId, actorUsername: actor.username, ip: null, requestId: null };
  await searchDocuments({ db, dialect }, context, actor, params, 'vi');
  const times: number[] = [];
  for (let i = 0; i < IN_PROCESS_CALLS; i++) {
    const started = performance.now();
    await searchDocuments({ db, dialect }, context, actor, params, 'vi');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 10) / 10;
  return { p50Ms: at(50), p99Ms: at(99) };
}

async function loadDocuments(db: Db, unitIds: number[], count: number): Promise<number> {
  const random = seededRandom(11);
  const started = performance.now();
  for (let start = 0; start < count; start += BATCH) {
    const rows: Insertable<DocumentsTable>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const [typeCode, typeName] = pick(random, TYPES);
      const subject = `${typeName} về việc ${pick(random, TOPICS)} tại ${pick(random, PLACES)}`;
      const year = 2024 + (i % 3);
      const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const notation = `${1 + (i % 900)}/${typeCode === 'CV' ? 'UBND-VP' : `${typeCode}-UBND`}`;
      const content = Array.from({ length: 8 }, () => pick(random, CONTENT)).join('. ') + (i % 2000 === 7 ? ` xã ${RARE}` : '');
      const unitId = unitIds[i % unitIds.length];
      const at = `${day}T02:00:00.000Z`;
      rows.push({
        uid: randomUUID(), direction: i % 2 === 0 ? 'incoming' : 'outgoing', status: i % 2 === 0 ? 'registered' : 'issued', unit_id: unitId,
        book_id: null, number: null, arrival_number: null, code_number: notation.split('/')[0], code_notation: notation.split('/')[1],
        type_code: typeCode, subject, urgency: 'normal', confidentiality: i % 50 === 0 ? 'mat' : 'normal', page_amount: 2, issued_amount: null,
        issued_date: day, organ_id: null, organ_name: 'UBND tỉnh Điện Biên', signer_name: null, signer_title: null, due_date: null, arrival_date: null,
        work_file_id: null, doc_ordinal: null, main_file_id: null, in_reply_to_id: null, source_document_id: null, source_peer: null, signer_user_id: null,
        search_text: foldVietnamese(`${subject} ${notation} UBND tỉnh Điện Biên`), content_text: foldVietnamese(content).replace(/[^a-z0-9]+/g, ' '),
        content_file_id: null, created_by: null, created_at: at, updated_at: at, registered_by: null, registered_at: null, issued_at: null,
        completed_at: null, recalled_at: null, recall_reason: null,
      });
    }
    await db.transaction().execute((tx) => tx.insertInto('documents').values(rows).execute());
  }
  return (performance.now() - started) / 1000;
}

const QUERIES: [string, string][] = [
  ['rare word in PDF text ("pa thom")', `q=${encodeURIComponent(RARE)}`],
  ['common phrase ("quyet dinh dat dai")', 'q=quyet%20dinh%20dat%20dai'],
  ['metadata + content ("rung muong nhe ngan sach")', 'q=rung%20muong%20nhe%20ngan%20sach'],
  ['notation ("12/QĐ-UBND")', `q=${encodeURIComponent('12/QĐ-UBND')}`],
  ['filters only (outgoing QD in 2025)', 'direction=outgoing&typeCode=QD&from=2025-01-01&to=2025-12-31'],
];

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined, ceiling: number): Promise<DialectResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-documents-'));
  const database = await openBenchDatabase(dialect, cluster, dataDir, 'cqs_bench_documents');
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const app: App = await buildApp({ config, database });
  try {
    const db = database.db;
    const province = await insertUnit(db, { code: '000.00.00.H18', name: 'UBND tỉnh Điện Biên', shortName: 'UBND', type: 'province' });
    const unitIds = [province];
    for (let n = 1; n <= 11; n++) unitIds.push(await insertUnit(db, { code: `000.00.${String(n).padStart(2, '0')}.H18`, name: `Sở ${n}`, shortName: `S${n}`, parentId: province }));
    const clerk = await insertUser(db, { unitId: province, roles: [{ role: 'records_clerk', unitId: province, includeSubtree: true }] });
    const token = await sessionTokenFor(db, clerk);
    const loadSeconds = await loadDocuments(db, unitIds, DOCUMENTS);
    if (dialect === 'postgres') await sql`ANALYZE documents`.execute(db);
    console.log(`${dialect.padEnd(8)} loaded ${DOCUMENTS} documents in ${loadSeconds.toFixed(1)} s`);
    const base = await listen(app);
    const rows: Row[] = [];
    const totals: Record<string, number> = {};
    for (const [label, query] of QUERIES) {
      const url = `${base}/api/documents/search?${query}`;
      const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (check.status !== 200) throw new Error(`${label}: ${check.status} ${await check.text()}`);
      totals[label] = ((await check.json()) as { total: number }).total;
      const m = await measure(url, { headers: { authorization: `Bearer ${token}` } });
      rows.push(rowOf(`search: ${label}, ${totals[label]} hits`, dialect, m, ceiling));
    }
    const actor: Actor = {
      userId: clerk.id, username: clerk.username, fullName: 'Văn thư', kind: 'official', unitId: province,
      grants: [{ role: 'records_clerk', unitId: province, includeSubtree: true }],
      session: { id: 'bench', kind: 'token' as Actor['session']['kind'], csrfToken: null, expiresAt: '' }, mfaEnrolmentRequired: false,
    };
    const inProcess: DialectResult['inProcess'] = [];
    for (const [label, query] of QUERIES) {
      const timing = await timeInProcess(db, dialect, actor, query);
      console.log(`${dialect.padEnd(8)} in process ${label}: p50 ${timing.p50Ms} ms, p99 ${timing.p99Ms} ms`);
      inProcess.push({ query: label, calls: IN_PROCESS_CALLS, ...timing });
    }
    return { database: dialect, documents: DOCUMENTS, loadSeconds, rows, totals, inProcess };
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDocumentsSearch(ceiling: Row, cluster: PostgresCluster): Promise<void> {
  const results: DialectResult[] = [];
  for (const dialect of ['sqlite', 'postgres'] as const) results.push(await benchDialect(dialect, dialect === 'postgres' ? cluster : undefined, ceiling.requestsPerSecond));
  const markdown = [
    `# Document search — ${DOCUMENTS} documents`,
    '',
    machineLine(),
    '',
    ...results.map((r) => `- ${r.database}: loaded in ${r.loadSeconds.toFixed(1)} s`),
    '',
    ...rowsTable([ceiling, ...results.flatMap((r) => r.rows)]),
    '',
    `In process (searchDocuments called directly, ${IN_PROCESS_CALLS} calls one after another):`,
    '',
    '| query | database | p50 ms | p99 ms |',
    '|---|---|---:|---:|',
    ...results.flatMap((r) => r.inProcess.map((m) => `| ${m.query} | ${r.database} | ${m.p50Ms} | ${m.p99Ms} |`)),
    '',
    'Each search answers the first page (20) and the total; the caller reads the whole province (records clerk, subtree).',
  ].join('\n');
  writeResults('documents-search', { machine: machineLine(), ceiling, results }, markdown);
}
