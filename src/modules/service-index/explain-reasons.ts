import type { Language } from '../../platform/i18n/language.js';
import type { ExplainKind } from './service-index.config.js';

/** The facts a reason is worded from (a dossier_index_facts row). */
export interface ReasonFacts {
  channel: string;
  timeliness: string | null;
  late_reason: string | null;
  supplement_count: number;
  rating: number | null;
  rated_negative: number;
  components: number;
  components_digitised: number;
  components_reusable: number;
  components_reused: number;
  components_from_store: number;
}

type Text = { vi: string; en: string };
const t = (vi: string, en: string): Text => ({ vi, en });

function lateText(f: ReasonFacts): Text {
  const n = Number(f.supplement_count);
  // Decision 766 (domain.md §5): past the appointment, or more than one supplement request, is late.
  if (f.late_reason === 'both') return t(`Trễ hạn: quá ngày hẹn trả và ${n} lần yêu cầu bổ sung`, `Late: past the appointment date and ${n} supplement requests`);
  if (f.late_reason === 'supplements') return t(`Trễ hạn: ${n} lần yêu cầu bổ sung`, `Late: ${n} supplement requests`);
  return t('Trễ hạn: quá ngày hẹn trả kết quả', 'Late: past the appointment date');
}

function timelinessText(f: ReasonFacts): Text {
  if (f.timeliness === 'early') return t('Trước hạn', 'Early');
  if (f.timeliness === 'onTime') return t('Đúng hạn', 'On time');
  return lateText(f);
}

const CHANNEL_TEXT: Record<string, Text> = {
  counter: t('Không tính trực tuyến: nộp trực tiếp tại bộ phận một cửa', 'Not counted online: filed at the counter'),
  postal: t('Không tính trực tuyến: nộp qua dịch vụ bưu chính công ích', 'Not counted online: filed by post'),
};

function reasonText(kind: ExplainKind | undefined, f: ReasonFacts, counted: boolean): Text {
  switch (kind) {
    case 'timeliness':
      return timelinessText(f);
    case 'online':
      if (counted) return t('Nộp trực tuyến', 'Filed online');
      return f.channel === 'online' ? t('Không tính trực tuyến: chưa có kết quả điện tử', 'Not counted online: no electronic result') : CHANNEL_TEXT[f.channel] ?? CHANNEL_TEXT.counter;
    case 'payment':
      return counted ? t('Thanh toán trực tuyến qua cổng thanh toán', 'Paid online through a payment gateway') : t('Thanh toán tại quầy hoặc chuyển khoản', 'Paid at the counter or by bank transfer');
    case 'satisfaction': {
      const parts: Text[] = [];
      if (f.timeliness === 'late') parts.push(lateText(f));
      if (Number(f.rated_negative) === 1) parts.push(t(`Đánh giá không hài lòng (${f.rating}/5)`, `Rated negatively (${f.rating}/5)`));
      if (parts.length === 0) return t('Đúng hạn, không có đánh giá không hài lòng', 'On time, no negative rating');
      return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
    }
    case 'result':
      return counted ? t('Có kết quả điện tử', 'Electronic result issued') : t('Chưa có kết quả điện tử', 'No electronic result');
    case 'components':
      return t(`${f.components_digitised}/${f.components} thành phần được số hoá`, `${f.components_digitised} of ${f.components} components digitised`);
    case 'reuse':
      return t(`${f.components_reused}/${f.components_reusable} thành phần dùng lại dữ liệu đã số hoá`, `${f.components_reused} of ${f.components_reusable} components reused digitised data`);
    case 'store':
      return t(`${f.components_from_store}/${f.components} thành phần lấy từ kho dữ liệu`, `${f.components_from_store} of ${f.components} components taken from the data store`);
    case 'eid':
      return counted ? t('Tài khoản đã định danh điện tử (VNeID)', 'Account verified with national e-ID') : t('Tài khoản chưa định danh điện tử', 'Account not verified with national e-ID');
    default:
      return counted ? t('Được tính vào tử số', 'Counted in the numerator') : t('Không được tính vào tử số', 'Not counted in the numerator');
  }
}

export function dossierReason(kind: ExplainKind | undefined, facts: ReasonFacts, counted: boolean, lang: Language): string {
  return reasonText(kind, facts, counted)[lang];
}

/** Why a procedure counts in a catalogue indicator (1.x, 3.1, 4.1), from the counter its numerator names. */
const PROCEDURE_TEXT: Record<string, [Text, Text]> = {
  procedures_published: [t('Đã công khai đầy đủ', 'Published in full'), t('Chưa công khai đủ thời hạn, thành phần hoặc căn cứ pháp lý', 'Time limit, components or legal basis not published')],
  procedures_eform: [t('Có tờ khai điện tử', 'Has an electronic form'), t('Chưa có tờ khai điện tử', 'No electronic form')],
  procedures_online: [t('Cung cấp dịch vụ công trực tuyến', 'Offered online'), t('Không cung cấp trực tuyến', 'Not offered online')],
  procedures_full_online: [t('Dịch vụ công trực tuyến toàn trình', 'Fully online'), t('Không phải toàn trình', 'Not fully online')],
  procedures_online_payment: [t('Có thanh toán trực tuyến', 'Online payment available'), t('Không có thanh toán trực tuyến', 'No online payment')],
};

export function procedureReason(numerator: string, counted: boolean, lang: Language): string {
  const counter = Object.keys(PROCEDURE_TEXT).find((name) => new RegExp(`\\b${name}\\b`).test(numerator));
  const [yes, no] = counter ? PROCEDURE_TEXT[counter] : [t('Đạt', 'Counted'), t('Không đạt', 'Not counted')];
  return (counted ? yes : no)[lang];
}
