import type { FeeLine, FeeQuote, FeeReduction, ProcedureDocument } from './procedures.schema.js';

export type { FeeLine, FeeQuote } from './procedures.schema.js';

/** The channel a dossier is filed through; a postal filing matches no channel-limited reduction. */
export type QuoteChannel = 'online' | 'counter' | 'postal';

type FeeSource = Pick<ProcedureDocument, 'fees' | 'feeReductions'>;

/**
 * Units counted at most: far above any page or copy count, and small enough that every line (unit ≤ 10⁹ đồng by the
 * schema) and a total of 50 lines stay exact integers. A form's own `maximum` refuses such values at filing.
 */
export const MAX_FEE_QUANTITY = 10_000;

/** How many units a fee line counts: a whole number ≥ 1 in the form, otherwise one (the fee is never waived by a blank). */
function quantityOf(form: Record<string, unknown>, field: string | undefined): number {
  if (field === undefined) return 1;
  const value = form[field];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? Math.min(value, MAX_FEE_QUANTITY) : 1;
}

/** A reduction holds when every condition it names holds; a field without `equals` means a ticked checkbox. */
function applies(reduction: FeeReduction, form: Record<string, unknown>, channel: QuoteChannel): boolean {
  const { when } = reduction;
  if (when.channel !== undefined && when.channel !== channel) return false;
  if (when.field !== undefined && form[when.field] !== (when.equals ?? true)) return false;
  return true;
}

/** Of several applicable reductions the largest percent wins; they are never stacked (first listed wins a tie). */
function bestReduction(reductions: FeeReduction[], form: Record<string, unknown>, channel: QuoteChannel): FeeReduction | undefined {
  let best: FeeReduction | undefined;
  for (const reduction of reductions) {
    if (applies(reduction, form, channel) && (best === undefined || reduction.percent > best.percent)) best = reduction;
  }
  return best;
}

// Money is whole đồng: BigInt keeps unit × quantity and amount × percent exact whatever their size.
const toNumber = (value: bigint) => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Fee amount beyond the exact integer range');
  return Number(value);
};

/**
 * The fees owed for a filing (payments contract): each line is unit × quantity, capped by its maximum, then the
 * best applicable reduction takes floor(amount × percent / 100) off it. Integer arithmetic only.
 */
export function computeFees(document: FeeSource, form: Record<string, unknown> | undefined, channel: QuoteChannel): FeeQuote {
  const values = form ?? {};
  const reduction = bestReduction(document.feeReductions ?? [], values, channel);
  const lines: FeeLine[] = document.fees.map((fee) => {
    const quantity = quantityOf(values, fee.quantityField);
    let amount = BigInt(fee.amountVnd) * BigInt(quantity);
    if (fee.maximumVnd !== undefined && amount > BigInt(fee.maximumVnd)) amount = BigInt(fee.maximumVnd);
    const off = reduction ? (amount * BigInt(reduction.percent)) / 100n : 0n;
    return {
      code: fee.code,
      name: fee.name,
      unitAmountVnd: fee.amountVnd,
      quantity,
      amountVnd: toNumber(amount),
      // A free line (0 đồng) carries no reduction: nothing was taken off it.
      reduction: reduction && amount > 0n ? { code: reduction.code, name: reduction.name, percent: reduction.percent, amountVnd: toNumber(off) } : null,
      payableVnd: toNumber(amount - off),
    };
  });
  return { totalVnd: lines.reduce((sum, line) => sum + line.payableVnd, 0), lines };
}
