import { randomUUID } from 'node:crypto';
import type { Db } from '../database/database.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { claimDueJobs, type OutboxJob } from './claim.js';
import { OutboxStatus, PermanentJobError } from './outbox.js';

export interface JobContext {
  id: number;
  topic: string;
  /** 1 on the first try. */
  attempt: number;
}

/** Runs one job. Resolving marks it done; throwing schedules a retry (or fails it, see PermanentJobError). */
export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

export interface WorkerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WorkerOptions {
  /** Names this process in `locked_by`; random by default. */
  workerId?: string;
  /** A job that failed this many times is marked failed and left for an administrator. */
  maxAttempts: number;
  batchSize?: number;
  /** How long a claimed job is ours; a worker that dies leaves it to be taken again after this. */
  leaseMs?: number;
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  logger?: WorkerLogger;
}

export interface RunReport {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

const silent: WorkerLogger = { info() {}, warn() {}, error() {} };

/**
 * The outbox worker (style guide §8): claims due jobs in batches under a lease, runs the handler of their topic,
 * and marks each done, retried with exponential backoff, or failed after `maxAttempts`. Delivery is at least once:
 * a handler must tolerate running again after a crash between its side effect and the `done` mark.
 */
export class OutboxWorker {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: WorkerLogger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly options: WorkerOptions,
  ) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.batchSize = options.batchSize ?? 10;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.backoff = options.backoff ?? { baseMs: 30_000, maxMs: 6 * 60 * 60_000 };
    this.logger = options.logger ?? silent;
  }

  /** Topics without a handler are never claimed: their jobs wait, unlost, until a worker that knows them runs. */
  register(topic: string, handler: JobHandler): this {
    this.handlers.set(topic, handler);
    return this;
  }

  /** One pass: claims up to a batch of due jobs and runs them one after another. */
  async runOnce(now: Date = new Date()): Promise<RunReport> {
    const jobs = await claimDueJobs(this.db, {
      workerId: this.workerId,
      topics: [...this.handlers.keys()],
      batchSize: this.batchSize,
      leaseMs: this.leaseMs,
      now,
    });
    const report: RunReport = { claimed: jobs.length, done: 0, retried: 0, failed: 0 };
    for (const job of jobs) report[await this.execute(job)] += 1;
    return report;
  }

  /** Keeps running passes: at once while there is work, every `pollIntervalMs` when idle. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      let report: RunReport | undefined;
      try {
        this.running = this.runOnce();
        report = (await this.running) as RunReport;
      } catch (error) {
        this.logger.error({ err: error }, 'outbox worker pass failed');
      } finally {
        this.running = undefined;
      }
      if (this.stopped) return;
      const busy = report !== undefined && report.claimed === this.batchSize;
      this.timer = setTimeout(loop, busy ? 0 : this.pollIntervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
  }

  /** Stops polling and waits for the job in hand; claimed jobs left unrun are taken again when their lease ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async execute(job: OutboxJob): Promise<'done' | 'retried' | 'failed'> {
    const handler = this.handlers.get(job.topic);
    if (job.attempts > this.options.maxAttempts || !handler) {
      // Reclaimed after its last allowed try (the worker died every time): do not run it again.
      await this.finish(job, OutboxStatus.Failed, 'lease expired after the last attempt');
      return 'failed';
    }
    try {
      await handler(JSON.parse(job.payload), { id: job.id, topic: job.topic, attempt: job.attempts });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentJobError || job.attempts >= this.options.maxAttempts) {
        this.logger.error({ jobId: job.id, topic: job.topic, attempts: job.attempts }, 'outbox job failed for good');
        await this.finish(job, OutboxStatus.Failed, message);
        return 'failed';
      }
      this.logger.warn({ jobId: job.id, topic: job.topic, attempts: job.attempts }, 'outbox job failed, will retry');
      const availableAt = new Date(Date.now() + retryDelayMs(job.attempts, this.backoff)).toISOString();
      await this.finish(job, OutboxStatus.Pending, message, availableAt);
      return 'retried';
    }
    await this.finish(job, OutboxStatus.Done, null);
    return 'done';
  }

  /** Only while the lease is still ours: a job taken over by another worker is that worker's to settle. */
  private async finish(job: OutboxJob, status: string, lastError: string | null, availableAt?: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        status,
        last_error: lastError?.slice(0, 1000) ?? null,
        locked_by: null,
        locked_until: null,
        ...(availableAt ? { available_at: availableAt } : {}),
        ...(status === OutboxStatus.Done ? { done_at: new Date().toISOString() } : {}),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.workerId)
      .where('status', '=', OutboxStatus.Processing)
      .execute();
  }
}
