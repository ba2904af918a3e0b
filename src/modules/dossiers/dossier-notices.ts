import type { Executor } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { fill } from '../../platform/i18n/language.js';
import { enqueueMail } from '../../platform/mail/mail.js';
import { notify } from '../notifications/notify.js';
import type { Applicant } from './dossiers.schema.js';

/** What the applicant is told, by inbox and e-mail (issue 3: receipt, supplement request, apology, result). */
export type NoticeKind = 'received' | 'supplement' | 'refused_intake' | 'apology' | 'result' | 'stopped' | 'fee_due' | 'fee_paid';

// Vietnamese first; the e-mail carries both languages because the applicant's preference is not known.
const NOTICES: Record<NoticeKind, { subject: string; body: string }> = {
  received: {
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    body: '{unit} đã tiếp nhận hồ sơ "{procedure}". Ngày hẹn trả kết quả: {dueAt}.\n(Your dossier {code} was received; result due {dueAt}.)',
  },
  supplement: {
    subject: 'Hồ sơ {code} cần bổ sung',
    body: 'Hồ sơ "{procedure}" cần bổ sung, hoàn thiện:\n{items}\nVui lòng bổ sung trực tuyến hoặc tại Bộ phận Một cửa.\n(Your dossier {code} needs the items above.)',
  },
  refused_intake: {
    subject: 'Hồ sơ {code} không được tiếp nhận',
    body: 'Hồ sơ "{procedure}" không được tiếp nhận vì:\n{items}\n(Your dossier {code} was not accepted for the reasons above.)',
  },
  apology: {
    subject: 'Xin lỗi về việc chậm trả kết quả hồ sơ {code}',
    body: '{unit} xin lỗi vì hồ sơ "{procedure}" chưa có kết quả đúng hẹn. Lý do: {reason}\nNgày hẹn trả mới: {dueAt}.\n(We apologise: the new appointment is {dueAt}.)',
  },
  result: {
    subject: 'Hồ sơ {code} đã có kết quả',
    body: 'Hồ sơ "{procedure}" đã có kết quả. Vui lòng nhận kết quả trực tuyến hoặc tại Bộ phận Một cửa.\n(The result of dossier {code} is ready.)',
  },
  stopped: {
    subject: 'Hồ sơ {code} đã dừng xử lý',
    body: 'Hồ sơ "{procedure}" đã dừng xử lý vì:\n{items}\n(Processing of dossier {code} was stopped.)',
  },
  fee_due: {
    subject: 'Hồ sơ {code} chờ nộp phí, lệ phí',
    body: 'Hồ sơ "{procedure}" cần nộp {amount} phí, lệ phí trước khi {unit} tiếp nhận. Vui lòng thanh toán trực tuyến trên Cổng dịch vụ công hoặc nộp tại Bộ phận Một cửa.\n(Dossier {code}: please pay {amount} online or at the desk; it is received once paid.)',
  },
  fee_paid: {
    subject: 'Đã nhận thanh toán phí, lệ phí hồ sơ {code}',
    body: '{unit} đã nhận {amount} phí, lệ phí của hồ sơ "{procedure}". Biên lai điện tử số {receiptNo}. Hồ sơ được chuyển đến Bộ phận Một cửa để tiếp nhận.\n(Payment of {amount} for dossier {code} received; receipt {receiptNo}.)',
  },
};

export interface NoticeInput {
  kind: NoticeKind;
  dossier: Pick<DossierRow, 'code' | 'procedure_name' | 'owner_user_id' | 'applicant'>;
  unitName: string;
  publicUrl: string;
  dueAt?: Date | null;
  items?: string[];
  reason?: string;
  amountVnd?: number;
  receiptNo?: string;
}

// Built once: constructing an Intl formatter loads locale data and cost about 1 ms a notice in the filing profile.
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
const VND = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

const formatDateTime = (date: Date) => DATE_TIME.format(date);

/** "10.000 ₫": whole đồng with Vietnamese digit grouping. */
export const formatVnd = (amount: number) => `${VND.format(amount)} ₫`;

/**
 * Tells the applicant, in the action's transaction (sent after commit by the outbox): their inbox and e-mail when
 * they have an account, otherwise an e-mail to the address given at the counter, if any.
 */
export async function noticeApplicant(tx: Executor, input: NoticeInput): Promise<void> {
  const template = NOTICES[input.kind];
  const values = {
    code: input.dossier.code,
    procedure: input.dossier.procedure_name,
    unit: input.unitName,
    dueAt: input.dueAt ? formatDateTime(input.dueAt) : '',
    items: (input.items ?? []).map((item, i) => `${i + 1}. ${item}`).join('\n'),
    reason: input.reason ?? '',
    amount: input.amountVnd === undefined ? '' : formatVnd(input.amountVnd),
    receiptNo: input.receiptNo ?? '',
  };
  const subject = fill(template.subject, values);
  const body = fill(template.body, values);
  const base = input.publicUrl.replace(/\/$/, '');
  if (input.dossier.owner_user_id !== null) {
    await notify(tx, { userId: input.dossier.owner_user_id, subject, body, link: `${base}/portal/dossiers/${encodeURIComponent(input.dossier.code)}` });
    return;
  }
  const applicant = JSON.parse(input.dossier.applicant) as Applicant;
  if (!applicant.email) return;
  const link = `${base}/tracking/${encodeURIComponent(input.dossier.code)}`;
  await enqueueMail(tx, { to: applicant.email, subject, text: `${body}\n\nTra cứu (track): ${link}` });
}
