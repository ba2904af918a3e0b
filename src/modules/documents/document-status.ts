import type { Language } from '../../platform/i18n/language.js';

export const Direction = { Incoming: 'incoming', Outgoing: 'outgoing', Internal: 'internal' } as const;
export type DirectionCode = (typeof Direction)[keyof typeof Direction];

/** Statuses of the contract (documents-api.md): incoming flow, then outgoing (and internal) flow. */
export const DocumentStatus = {
  Received: 'received',
  Registered: 'registered',
  Assigned: 'assigned',
  Done: 'done',
  Filed: 'filed',
  Recalled: 'recalled',
  Destroyed: 'destroyed',
  Drafting: 'drafting',
  InReview: 'in_review',
  FormatCheck: 'format_check',
  ToSign: 'to_sign',
  Signed: 'signed',
  Issued: 'issued',
} as const;
export type DocumentStatusCode = (typeof DocumentStatus)[keyof typeof DocumentStatus];
export const DOCUMENT_STATUSES = Object.values(DocumentStatus) as DocumentStatusCode[];

export const STATUS_LABELS: Record<DocumentStatusCode, Record<Language, string>> = {
  received: { vi: 'Chờ vào sổ', en: 'Awaiting registration' },
  registered: { vi: 'Đã vào sổ, chờ phân công', en: 'Registered, awaiting assignment' },
  assigned: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã xử lý xong', en: 'Done' },
  filed: { vi: 'Đã lập hồ sơ', en: 'Filed' },
  recalled: { vi: 'Đã thu hồi', en: 'Recalled' },
  destroyed: { vi: 'Đã hủy', en: 'Destroyed' },
  drafting: { vi: 'Đang soạn thảo', en: 'Drafting' },
  in_review: { vi: 'Đang thẩm định', en: 'In review' },
  format_check: { vi: 'Chờ kiểm tra thể thức', en: 'Awaiting format check' },
  to_sign: { vi: 'Chờ ký', en: 'Awaiting signature' },
  signed: { vi: 'Đã ký, chờ phát hành', en: 'Signed, awaiting issue' },
  issued: { vi: 'Đã phát hành', en: 'Issued' },
};

/** Open incoming work: the handlers' deadlines run (due-soon and overdue lists). */
export const OPEN_INCOMING: DocumentStatusCode[] = [DocumentStatus.Registered, DocumentStatus.Assigned];

export const DocumentAction = {
  Register: 'register',
  Assign: 'assign',
  Complete: 'complete',
  File: 'file',
  ConfirmDestroyed: 'confirm_destroyed',
  AddVersion: 'add_version',
  Submit: 'submit',
  Review: 'review',
  FormatCheck: 'format_check',
  Sign: 'sign',
  Return: 'return',
  Issue: 'issue',
  Recall: 'recall',
  Comment: 'comment',
  GrantAccess: 'grant_access',
} as const;
export type DocumentActionCode = (typeof DocumentAction)[keyof typeof DocumentAction];
export const DOCUMENT_ACTIONS = Object.values(DocumentAction) as DocumentActionCode[];

export const ACTION_LABELS: Record<DocumentActionCode, Record<Language, string>> = {
  register: { vi: 'Vào sổ', en: 'Register' },
  assign: { vi: 'Phân công xử lý', en: 'Assign' },
  complete: { vi: 'Hoàn thành xử lý', en: 'Complete' },
  file: { vi: 'Lập hồ sơ', en: 'File' },
  confirm_destroyed: { vi: 'Xác nhận đã hủy', en: 'Confirm destroyed' },
  add_version: { vi: 'Thêm phiên bản dự thảo', en: 'Add a draft version' },
  submit: { vi: 'Trình duyệt', en: 'Submit' },
  review: { vi: 'Cho ý kiến thẩm định', en: 'Review' },
  format_check: { vi: 'Kiểm tra thể thức', en: 'Format check' },
  sign: { vi: 'Ký số', en: 'Sign' },
  return: { vi: 'Trả lại', en: 'Return' },
  issue: { vi: 'Cấp số và phát hành', en: 'Number and issue' },
  recall: { vi: 'Thu hồi', en: 'Recall' },
  comment: { vi: 'Cho ý kiến', en: 'Comment' },
  grant_access: { vi: 'Cấp quyền xem', en: 'Grant access' },
};

/** What an incoming copy's status means to its sender (exchange status messages: received, assigned, done). */
export const SENDER_STATUS: Partial<Record<DocumentStatusCode, string>> = {
  registered: 'received',
  assigned: 'assigned',
  done: 'done',
  destroyed: 'destroyed',
};

export const BookKind = { Incoming: 'incoming', Outgoing: 'outgoing', Internal: 'internal' } as const;
export type BookKindCode = (typeof BookKind)[keyof typeof BookKind];
