import { post } from './client';
import type { FeeChannel } from './procedures';

/** Shapes of FeeQuote / FeeLine in src/modules/procedures/procedures.schema.ts (payments contract). */
export interface FeeLine {
  code: string;
  name: string;
  unitAmountVnd: number;
  quantity: number;
  /** Before the reduction: unit × quantity, capped by the fee's maximum. */
  amountVnd: number;
  reduction: { code: string; name: string; percent: number; amountVnd: number } | null;
  payableVnd: number;
}

export interface FeeQuote {
  totalVnd: number;
  lines: FeeLine[];
}

/** POST /api/procedures/{code}/fee-quote (public): what filing the current version would cost; nothing is stored. */
export const fetchFeeQuote = (procedureCode: string, channel: FeeChannel, form: Record<string, unknown>) =>
  post<FeeQuote>(`/api/procedures/${encodeURIComponent(procedureCode)}/fee-quote`, { channel, form });
