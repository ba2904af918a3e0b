export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Delay before the next try after `attempts` failed tries: base · 2^(attempts−1), capped at max. */
export function retryDelayMs(attempts: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}
