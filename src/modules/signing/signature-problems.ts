import { fill, type Language } from '../../platform/i18n/language.js';

/** Why a signature is not fully valid, as the verification report says it (Vietnamese first). */
export const SIGNATURE_PROBLEMS = {
  unreadable: {
    vi: 'Không đọc được chữ ký số (cấu trúc chữ ký không hợp lệ).',
    en: 'The digital signature cannot be read (invalid signature structure).',
  },
  modified: {
    vi: 'Nội dung đã bị thay đổi sau khi ký: chữ ký không còn khớp với tài liệu.',
    en: 'The content was changed after signing: the signature no longer matches the document.',
  },
  unsupportedAlgorithm: {
    vi: 'Thuật toán chữ ký {algorithm} chưa được hỗ trợ kiểm tra.',
    en: 'The signature algorithm {algorithm} is not supported for verification.',
  },
  certificateMissing: {
    vi: 'Chữ ký không kèm chứng thư số của người ký.',
    en: "The signature does not carry the signer's certificate.",
  },
  untrusted: {
    vi: 'Chứng thư số không được cấp bởi tổ chức chứng thực trong danh sách tin cậy.',
    en: 'The certificate was not issued by a certification authority in the trust list.',
  },
  certificateNotValidAtSigning: {
    vi: 'Chứng thư số không có hiệu lực tại thời điểm ký (hiệu lực từ {notBefore} đến {notAfter}).',
    en: 'The certificate was not valid at signing time (valid from {notBefore} to {notAfter}).',
  },
  noSigningTime: {
    vi: 'Chữ ký không ghi thời điểm ký.',
    en: 'The signature does not state its signing time.',
  },
} satisfies Record<string, Record<Language, string>>;

export type SignatureProblem = keyof typeof SIGNATURE_PROBLEMS;

export function problemMessage(problem: SignatureProblem, language: Language, params: Record<string, string> = {}): string {
  return fill(SIGNATURE_PROBLEMS[problem][language], params);
}
