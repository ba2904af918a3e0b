import { randomBytes } from 'node:crypto';
import { PROCESS_DEMO_PASSWORD } from './server-process.js';

/**
 * A load client that files online dossiers the way a citizen's browser does: sign in once (Bearer token), upload the
 * two papers once, then POST /api/dossiers with a fresh `Idempotency-Key` per dossier. An unacknowledged request
 * (network error, 5xx, 429/503) is sent again with the SAME key — to the next base URL, so a client of two nodes goes
 * on through the survivor — until the server answers 201 or the deadline passes. The server's idempotency table turns
 * those retries into "at most one dossier per key"; the durability checks then prove it.
 */

/** Đăng ký thường trú: filed online, with a fee, so each filing also queues a notice e-mail (an outbox job). */
export const LOAD_PROCEDURE = '1.004222';
const LOAD_CITIZEN = 'congdan';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export interface SubmissionLoadOptions {
  /** One or more nodes; each attempt goes to the next one in turn. */
  baseUrls: string[];
  /** How many dossiers to file (distinct keys). */
  count: number;
  /** Virtual users filing at once; each signs in once. */
  concurrency: number;
  /** Give up on a key (counted as unacknowledged) after this long from the start. Default 60 s. */
  deadlineMs?: number;
  /** Key prefix; random by default so runs never collide. */
  keyPrefix?: string;
  /** Longest wait honoured from a Retry-After header (a test must not sleep for minutes). Default 2 s. */
  maxRetryAfterMs?: number;
  /** Pause after a network error before trying again (the node may be restarting). Default 100 ms. */
  networkRetryMs?: number;
  /** Per-request timeout. Default 15 s. */
  requestTimeoutMs?: number;
}

export interface Acknowledgement {
  key: string;
  code: string;
  /** The dossier's id when the response carries one (the public detail names dossiers by code). */
  id: number | null;
  acknowledgedAt: Date;
}

export interface SubmissionLoadResult {
  keyPrefix: string;
  startedAt: Date;
  finishedAt: Date;
  acknowledged: Acknowledgement[];
  /** Keys never acknowledged before the deadline (or refused with a 4xx, see failures). */
  unacknowledged: string[];
  attempts: number;
  retries: number;
  /** Failed attempts by kind: `network:ECONNREFUSED`, `http:503`, `timeout`… */
  failures: Record<string, number>;
  /** The first few answers that were neither 201 nor retryable (status and body), for the failure message. */
  refusals: string[];
}

export interface SubmissionLoad {
  keyPrefix: string;
  /** Grows while the load runs. */
  readonly acknowledged: readonly Acknowledgement[];
  /** Resolves once at least `count` filings are acknowledged (or rejects when the load ends short of it). */
  waitForAcknowledged(count: number): Promise<void>;
  /** Files no further dossiers; those in flight go on until acknowledged. `finished` then resolves. */
  stop(): void;
  finished: Promise<SubmissionLoadResult>;
}

interface VirtualUser {
  token: string;
  attachments: { requirement: string; fileId: string }[];
}

class Counters {
  attempts = 0;
  retries = 0;
  failures: Record<string, number> = {};
  fail(kind: string) {
    this.failures[kind] = (this.failures[kind] ?? 0) + 1;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: Response, cap: number): number {
  const header = response.headers.get('retry-after');
  const seconds = header && /^\d+$/.test(header) ? Number(header) : 1;
  return Math.min(seconds * 1000, cap);
}

function failureKind(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string }; code?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return `network:${e?.cause?.code ?? e?.code ?? e?.name ?? 'unknown'}`;
}

/** Starts filing; see SubmissionLoad. */
export function startSubmissionLoad(options: SubmissionLoadOptions): SubmissionLoad {
  const keyPrefix = options.keyPrefix ?? `load-${randomBytes(4).toString('hex')}-`;
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const maxRetryAfter = options.maxRetryAfterMs ?? 2_000;
  const networkRetryMs = options.networkRetryMs ?? 100;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const counters = new Counters();
  const acknowledged: Acknowledgement[] = [];
  const unacknowledged: string[] = [];
  const refusals: string[] = [];
  const waiters: { count: number; resolve(): void; reject(error: Error): void }[] = [];
  let nextUrl = 0;
  let nextIndex = 0;
  let stopped = false;
  const startedAt = new Date();

  const pickUrl = () => options.baseUrls[nextUrl++ % options.baseUrls.length];

  /** Sends one request until it gets a non-retryable answer; undefined when the deadline passed first. */
  async function untilAnswered(send: (baseUrl: string) => Promise<Response>, counted: boolean): Promise<Response | undefined> {
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      if (counted) {
        counters.attempts += 1;
        if (attempt > 0) counters.retries += 1;
      }
      let response: Response;
      try {
        response = await send(pickUrl());
      } catch (error) {
        if (counted) counters.fail(failureKind(error));
        await pause(networkRetryMs);
        continue;
      }
      if (response.status >= 500 || response.status === 429) {
        if (counted) counters.fail(`http:${response.status}`);
        await response.arrayBuffer().catch(() => undefined);
        await pause(response.status === 503 || response.status === 429 ? retryAfterMs(response, maxRetryAfter) : networkRetryMs);
        continue;
      }
      return response;
    }
    return undefined;
  }

  async function signInUser(): Promise<VirtualUser> {
    const login = await untilAnswered(
      (url) =>
        fetch(`${url}/api/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: LOAD_CITIZEN, password: PROCESS_DEMO_PASSWORD }),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      false,
    );
    if (login?.status !== 200) throw new Error(`load client: sign-in failed (${login?.status}: ${await login?.text()})`);
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const attachments = [];
    for (const requirement of ['to_khai', 'cho_o_hop_phap']) {
      const uploaded = await untilAnswered((url) => {
        const form = new FormData();
        form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${requirement}.pdf`);
        return fetch(`${url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(timeoutMs) });
      }, false);
      if (uploaded?.status !== 201) throw new Error(`load client: upload failed (${uploaded?.status}: ${await uploaded?.text()})`);
      attachments.push({ requirement, fileId: ((await uploaded.json()) as { id: string }).id });
    }
    return { token, attachments };
  }

  async function fileOne(user: VirtualUser, unitCode: string, index: number): Promise<void> {
    const key = `${keyPrefix}${index}`;
    const body = JSON.stringify({
      procedureCode: LOAD_PROCEDURE,
      channel: 'online',
      unitCode,
      form: { nguoiYeuCauHoTen: 'Lò Thị Thanh', nguoiYeuCauSoDinhDanh: '011190004217', diaChiThuongTru: `Số ${index + 1}, tổ dân phố 5, phường Điện Biên Phủ`, quanHeChuHo: 'Con' },
      attachments: user.attachments,
    });
    const response = await untilAnswered(
      (url) =>
        fetch(`${url}/api/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        }),
      true,
    );
    if (response?.status !== 201) {
      if (response) {
        counters.fail(`http:${response.status}`);
        if (refusals.length < 5) refusals.push(`${response.status} ${await response.text()}`);
      }
      unacknowledged.push(key);
      return;
    }
    const detail = (await response.json()) as { code: string; id?: number };
    acknowledged.push({ key, code: detail.code, id: detail.id ?? null, acknowledgedAt: new Date() });
    for (const waiter of [...waiters]) {
      if (acknowledged.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  async function competentUnit(): Promise<string> {
    const response = await untilAnswered((url) => fetch(`${url}/api/procedures/${LOAD_PROCEDURE}`, { signal: AbortSignal.timeout(timeoutMs) }), false);
    if (response?.status !== 200) throw new Error(`load client: procedure ${LOAD_PROCEDURE} not found (${response?.status})`);
    const procedure = (await response.json()) as { competentUnits: { code: string; name: string | null }[] };
    const ward = procedure.competentUnits.find((u) => u.name?.includes('Điện Biên Phủ')) ?? procedure.competentUnits[0];
    return ward.code;
  }

  const finished = (async (): Promise<SubmissionLoadResult> => {
    const unitCode = await competentUnit();
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, options.count) }, async () => {
        const user = await signInUser();
        while (!stopped && nextIndex < options.count) await fileOne(user, unitCode, nextIndex++);
      }),
    );
    return {
      keyPrefix,
      startedAt,
      finishedAt: new Date(),
      acknowledged: [...acknowledged],
      unacknowledged,
      attempts: counters.attempts,
      retries: counters.retries,
      failures: counters.failures,
      refusals,
    };
  })();
  finished.then(
    () => waiters.splice(0).forEach((w) => w.reject(new Error(`load ended with ${acknowledged.length} acknowledgements, fewer than ${w.count}: ${refusals.join(' | ')}`))),
    (error: Error) => waiters.splice(0).forEach((w) => w.reject(error)),
  );

  return {
    keyPrefix,
    acknowledged,
    finished,
    stop() {
      stopped = true;
    },
    waitForAcknowledged(count: number) {
      if (acknowledged.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ count, resolve, reject }));
    },
  };
}

/** Files `count` dossiers and resolves with the acknowledgements and counters. */
export function runSubmissionLoad(options: SubmissionLoadOptions): Promise<SubmissionLoadResult> {
  return startSubmissionLoad(options).finished;
}
