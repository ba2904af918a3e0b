import { Type, type Static } from '@sinclair/typebox';
import { compileExpression } from 'filtrex';

/**
 * Counters of `service_index_monthly` (migration 0012), per competent unit, procedure and local month. The first
 * set is counted in the month the dossier was received, the second in the month processing ended.
 */
export const RECEIVED_COUNTERS = [
  'received', 'received_online', 'received_counter', 'received_postal', 'online_counted',
  'fee_required', 'paid', 'paid_online', 'components', 'components_digitised', 'components_reusable',
  'components_reused', 'components_from_store', 'eid_verified',
] as const;
export const FINISHED_COUNTERS = [
  'finished', 'finished_early', 'finished_on_time', 'finished_late', 'finished_late_supplements',
  'refused_intake', 'withdrawn', 'stopped', 'result_electronic_expected', 'result_electronic',
  'rated', 'rated_negative',
] as const;
export const MONTHLY_COUNTERS = [...RECEIVED_COUNTERS, ...FINISHED_COUNTERS] as const;
export type MonthlyCounter = (typeof MONTHLY_COUNTERS)[number];

/** Counted over the procedure catalogue (active procedures whose competent units lie in the unit's subtree). */
export const PROCEDURE_COUNTERS = [
  'procedures', 'procedures_published', 'procedures_eform', 'procedures_online', 'procedures_full_online',
  'procedures_with_fee', 'procedures_online_payment',
] as const;
export type ProcedureCounter = (typeof PROCEDURE_COUNTERS)[number];

export const IndicatorBasis = { Received: 'received', Finished: 'finished', Procedures: 'procedures' } as const;
export type IndicatorBasisCode = (typeof IndicatorBasis)[keyof typeof IndicatorBasis];

/** How the drill-down words the reason a record counted or not (explain-reasons.ts). */
export const EXPLAIN_KINDS = ['timeliness', 'online', 'payment', 'satisfaction', 'result', 'components', 'reuse', 'store', 'eid', 'procedure'] as const;
export type ExplainKind = (typeof EXPLAIN_KINDS)[number];

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Name = Type.Object({ vi: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false });
const Expression = Type.String({ minLength: 1, maxLength: 500, description: 'Biểu thức filtrex trên tên các bộ đếm' });

export const ServiceIndexGroup = Type.Object(
  { code: Type.String({ pattern: '^[1-9][0-9]?$' }), name: Name, weight: Type.Number({ minimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);
export const ServiceIndexIndicator = Type.Object(
  {
    code: Type.String({ pattern: '^[1-9][0-9]?(\\.[0-9]{1,2}){1,2}$' }),
    group: Type.String({ pattern: '^[1-9][0-9]?$' }),
    name: Name,
    points: Type.Number({ minimum: 0, maximum: 100 }),
    threshold: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    numerator: Expression,
    denominator: Expression,
    basis: literals(Object.values(IndicatorBasis)),
    explain: Type.Optional(literals(EXPLAIN_KINDS)),
  },
  { additionalProperties: false },
);
export const ServiceIndexConfig = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    groups: Type.Array(ServiceIndexGroup, { minItems: 1, maxItems: 20 }),
    indicators: Type.Array(ServiceIndexIndicator, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type ServiceIndexConfig = Static<typeof ServiceIndexConfig>;
export type ServiceIndexIndicator = Static<typeof ServiceIndexIndicator>;

const group = (code: string, vi: string, en: string, weight: number) => ({ code, name: { vi, en }, weight });

/**
 * Decision 766/QĐ-TTg (2022), domain.md §5: six groups weighted 18/20/12/10/18/22 (= 100). An indicator scores its
 * points at or above its threshold, value × points ÷ threshold below it. Indicator codes follow their group (the
 * payment indicators are 4.x, digitisation 6.x) so the drill-down reads in the order the decision lists them.
 */
export const DEFAULT_SERVICE_INDEX_CONFIG: ServiceIndexConfig = {
  version: 0,
  groups: [
    group('1', 'Công khai, minh bạch', 'Publicity and transparency', 18),
    group('2', 'Tiến độ giải quyết', 'Processing progress', 20),
    group('3', 'Dịch vụ công trực tuyến', 'Online public services', 12),
    group('4', 'Thanh toán trực tuyến', 'Online payment', 10),
    group('5', 'Mức độ hài lòng', 'Satisfaction', 18),
    group('6', 'Số hoá hồ sơ', 'Digitisation of dossiers', 22),
  ],
  indicators: [
    // Decree 63/2010 art. 13 (publicity): the portal publishes each procedure's processing time, components and legal basis.
    { code: '1.1', group: '1', name: { vi: 'Thủ tục công khai đầy đủ (thời hạn, thành phần, căn cứ pháp lý)', en: 'Procedures published in full (time limit, components, legal basis)' }, points: 10, threshold: 1, numerator: 'procedures_published', denominator: 'procedures', basis: 'procedures', explain: 'procedure' },
    { code: '1.2', group: '1', name: { vi: 'Thủ tục có tờ khai điện tử', en: 'Procedures with an electronic form' }, points: 8, threshold: 1, numerator: 'procedures_eform', denominator: 'procedures', basis: 'procedures', explain: 'procedure' },
    // On time: end of processing ≤ appointment; the appointment already moves by the citizen's supplement time; more than one supplement request counts late.
    { code: '2.1', group: '2', name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' }, points: 20, threshold: 1, numerator: 'finished_early + finished_on_time', denominator: 'finished', basis: 'finished', explain: 'timeliness' },
    { code: '3.1', group: '3', name: { vi: 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' }, points: 6, threshold: 0.8, numerator: 'procedures_online', denominator: 'procedures', basis: 'procedures', explain: 'procedure' },
    // An online dossier counts only with an electronic result where the procedure issues one.
    { code: '3.3', group: '3', name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers filed online' }, points: 6, threshold: 0.5, numerator: 'online_counted', denominator: 'received', basis: 'received', explain: 'online' },
    { code: '4.1', group: '4', name: { vi: 'Tỷ lệ thủ tục có thanh toán trực tuyến', en: 'Procedures with online payment' }, points: 5, threshold: 0.8, numerator: 'procedures_online_payment', denominator: 'procedures_with_fee', basis: 'procedures', explain: 'procedure' },
    // Paid online = through a payment gateway (national portal or the province's own).
    { code: '4.2', group: '4', name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' }, points: 5, threshold: 0.5, numerator: 'paid_online', denominator: 'paid', basis: 'received', explain: 'payment' },
    // 100 % − (share late + share rated negatively), over the dossiers whose processing ended.
    { code: '5.4', group: '5', name: { vi: 'Mức độ hài lòng (100% − tỷ lệ trễ hạn − tỷ lệ đánh giá không hài lòng)', en: 'Satisfaction (100% − share late − share rated negatively)' }, points: 18, threshold: 0.9, numerator: 'finished - finished_late - rated_negative', denominator: 'finished', basis: 'finished', explain: 'satisfaction' },
    { code: '6.1', group: '6', name: { vi: 'Tỷ lệ hồ sơ cấp kết quả điện tử', en: 'Results issued electronically' }, points: 6, threshold: 1, numerator: 'result_electronic', denominator: 'result_electronic_expected', basis: 'finished', explain: 'result' },
    { code: '6.2', group: '6', name: { vi: 'Tỷ lệ thành phần hồ sơ được số hoá', en: 'Dossier components digitised' }, points: 4, threshold: 0.8, numerator: 'components_digitised', denominator: 'components', basis: 'received', explain: 'components' },
    { code: '6.3', group: '6', name: { vi: 'Tỷ lệ tái sử dụng dữ liệu đã số hoá', en: 'Reuse of digitised data' }, points: 4, threshold: 0.8, numerator: 'components_reused', denominator: 'components_reusable', basis: 'received', explain: 'reuse' },
    { code: '6.4', group: '6', name: { vi: 'Tỷ lệ giấy tờ lấy từ kho dữ liệu của công dân', en: 'Documents taken from the citizen\'s data store' }, points: 4, threshold: 0.5, numerator: 'components_from_store', denominator: 'components', basis: 'received', explain: 'store' },
    { code: '6.5', group: '6', name: { vi: 'Tỷ lệ hồ sơ trực tuyến của tài khoản định danh điện tử (VNeID)', en: 'Online dossiers from accounts verified with national e-ID' }, points: 4, threshold: 0.8, numerator: 'eid_verified', denominator: 'received_online', basis: 'received', explain: 'eid' },
  ],
};

export type Counters = Record<string, number>;

/** Every counter name a formula may use, each set to `value` (to check a formula evaluates to a number). */
function sampleCounters(value: number): Counters {
  return Object.fromEntries([...MONTHLY_COUNTERS, ...PROCEDURE_COUNTERS].map((name) => [name, value]));
}

const compiled = new Map<string, (counters: Counters) => unknown>();

/** filtrex, never eval (the contract): unknown names and syntax errors are caught by `checkFormula`. */
export function evaluateFormula(expression: string, counters: Counters): number {
  let fn = compiled.get(expression);
  if (!fn) {
    fn = compileExpression(expression) as (counters: Counters) => unknown;
    compiled.set(expression, fn);
  }
  const value = fn(counters);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Why a formula is unusable, or undefined when it compiles and only names known counters. */
export function checkFormula(expression: string): string | undefined {
  try {
    const fn = compileExpression(expression);
    const value = fn(sampleCounters(1));
    if (typeof value !== 'number') return value instanceof Error ? value.message : 'not a number';
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : 'invalid';
  }
}

/** Structural problems of a config a schema cannot see, as `{ path, message }` for VALIDATION_FAILED. */
export function configProblems(config: ServiceIndexConfig): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const groups = new Set<string>();
  config.groups.forEach((g, i) => {
    if (groups.has(g.code)) problems.push({ path: `/document/groups/${i}/code`, message: `duplicate group ${g.code}` });
    groups.add(g.code);
  });
  const codes = new Set<string>();
  config.indicators.forEach((indicator, i) => {
    const at = `/document/indicators/${i}`;
    if (codes.has(indicator.code)) problems.push({ path: `${at}/code`, message: `duplicate indicator ${indicator.code}` });
    codes.add(indicator.code);
    if (!groups.has(indicator.group)) problems.push({ path: `${at}/group`, message: `unknown group ${indicator.group}` });
    for (const part of ['numerator', 'denominator'] as const) {
      const problem = checkFormula(indicator[part]);
      if (problem) problems.push({ path: `${at}/${part}`, message: problem });
    }
  });
  return problems;
}
