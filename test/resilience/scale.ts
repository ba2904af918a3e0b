/**
 * The crash, fault and surge tests run in two sizes (issue 7): a small form inside `npm test`, and the larger form
 * behind `npm run soak` (CQS_SOAK=1), which also prints the figures each test measured.
 */
export const soak = process.env.CQS_SOAK === '1';

/** The small figure in `npm test`, the large one under `npm run soak`. */
export function sized(small: number, large: number): number {
  return soak ? large : small;
}

/** One line per test with what it measured, so a soak run reads as a report (and CI logs keep the small form's). */
export function reportFigures(test: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([name, value]) => `${name}=${value}`);
  console.log(`[${soak ? 'soak' : 'resilience'}] ${test}: ${parts.join(' ')}`);
}
