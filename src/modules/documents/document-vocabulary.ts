import type { Language } from '../../platform/i18n/language.js';

/*
 * Vocabulary of official documents (domain.md §6): types with their abbreviations (Decree 30/2020 appendix III),
 * urgency (độ khẩn) and confidentiality (độ mật). Codes are ASCII; names and abbreviations are the printed ones.
 */

export interface DocumentType {
  code: string;
  name: string;
  /** Chữ viết tắt tên loại văn bản, printed in the notation (`12/QĐ-UBND`); Công văn has none. */
  abbreviation: string;
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { code: 'NQ', name: 'Nghị quyết', abbreviation: 'NQ' },
  { code: 'QD', name: 'Quyết định', abbreviation: 'QĐ' },
  { code: 'CT', name: 'Chỉ thị', abbreviation: 'CT' },
  { code: 'QC', name: 'Quy chế', abbreviation: 'QC' },
  { code: 'QDI', name: 'Quy định', abbreviation: 'QyĐ' },
  { code: 'TB', name: 'Thông báo', abbreviation: 'TB' },
  { code: 'HD', name: 'Hướng dẫn', abbreviation: 'HD' },
  { code: 'CTR', name: 'Chương trình', abbreviation: 'CTr' },
  { code: 'KH', name: 'Kế hoạch', abbreviation: 'KH' },
  { code: 'PA', name: 'Phương án', abbreviation: 'PA' },
  { code: 'DA', name: 'Đề án', abbreviation: 'ĐA' },
  { code: 'BC', name: 'Báo cáo', abbreviation: 'BC' },
  { code: 'BB', name: 'Biên bản', abbreviation: 'BB' },
  { code: 'TTR', name: 'Tờ trình', abbreviation: 'TTr' },
  { code: 'HDO', name: 'Hợp đồng', abbreviation: 'HĐ' },
  { code: 'CD', name: 'Công điện', abbreviation: 'CĐ' },
  { code: 'GM', name: 'Giấy mời', abbreviation: 'GM' },
  { code: 'GGT', name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { code: 'PG', name: 'Phiếu gửi', abbreviation: 'PG' },
  // Công văn carries no type name on the page; its notation is the unit and the drafting division (`12/STP-VP`).
  { code: 'CV', name: 'Công văn', abbreviation: '' },
];

export const OFFICIAL_LETTER = 'CV';
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code);

export function findDocumentType(code: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.code === code);
}

export const Urgency = { Normal: 'normal', Khan: 'khan', ThuongKhan: 'thuong_khan', HoaToc: 'hoa_toc' } as const;
export type UrgencyCode = (typeof Urgency)[keyof typeof Urgency];
export const URGENCY_CODES = Object.values(Urgency) as UrgencyCode[];
export const URGENCY_LABELS: Record<UrgencyCode, Record<Language, string>> = {
  normal: { vi: 'Thường', en: 'Normal' },
  khan: { vi: 'Khẩn', en: 'Urgent' },
  thuong_khan: { vi: 'Thượng khẩn', en: 'Very urgent' },
  hoa_toc: { vi: 'Hỏa tốc', en: 'Immediate' },
};

export const Confidentiality = { Normal: 'normal', Mat: 'mat', ToiMat: 'toi_mat', TuyetMat: 'tuyet_mat' } as const;
export type ConfidentialityCode = (typeof Confidentiality)[keyof typeof Confidentiality];
export const CONFIDENTIALITY_CODES = Object.values(Confidentiality) as ConfidentialityCode[];
export const CONFIDENTIALITY_LABELS: Record<ConfidentialityCode, Record<Language, string>> = {
  normal: { vi: 'Thường', en: 'Not classified' },
  mat: { vi: 'Mật', en: 'Confidential' },
  toi_mat: { vi: 'Tối mật', en: 'Secret' },
  tuyet_mat: { vi: 'Tuyệt mật', en: 'Top secret' },
};

/** Mật, Tối mật, Tuyệt mật: readable only with a grant per document (Law on State Secrets 2018). */
export function isConfidential(confidentiality: string): boolean {
  return confidentiality !== Confidentiality.Normal;
}

export function vocabulary(language: Language) {
  return {
    types: DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name, abbreviation: t.abbreviation })),
    urgencies: URGENCY_CODES.map((code) => ({ code, label: URGENCY_LABELS[code][language] })),
    confidentialities: CONFIDENTIALITY_CODES.map((code) => ({ code, label: CONFIDENTIALITY_LABELS[code][language] })),
  };
}
