/** What the resilience tests read from an answer: a refusal must carry its status, Retry-After and problem code. */
export interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  code?: string;
}

export async function answerOf(response: Response): Promise<Answer> {
  const body = await response.text();
  const contentType = response.headers.get('content-type');
  const code = contentType?.includes('problem+json') ? (JSON.parse(body) as { code: string }).code : undefined;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), contentType, code };
}

/** Reads until `done` holds (a real condition, not a sleep); past the deadline fails with the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
