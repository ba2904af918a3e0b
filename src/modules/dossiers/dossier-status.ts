/** Dossier statuses with the national portal's numeric codes (domain.md §4; Decree 61/2018 → 118/2025). */
export const DossierStatus = {
  Submitted: 'submitted',
  Received: 'received',
  RefusedIntake: 'refused_intake',
  Processing: 'processing',
  SupplementRequested: 'supplement_requested',
  FeeDue: 'fee_due',
  Withdrawn: 'withdrawn',
  Stopped: 'stopped',
  ResultReady: 'result_ready',
  Returned: 'returned',
} as const;
export type DossierStatusCode = (typeof DossierStatus)[keyof typeof DossierStatus];
export const DOSSIER_STATUSES = Object.values(DossierStatus) as DossierStatusCode[];

export const STATUS_NUMBERS: Record<DossierStatusCode, number> = {
  submitted: 1,
  received: 2,
  refused_intake: 3,
  processing: 4,
  supplement_requested: 5,
  fee_due: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

export const STATUS_LABELS: Record<DossierStatusCode, { vi: string; en: string }> = {
  submitted: { vi: 'Mới đăng ký', en: 'Submitted' },
  received: { vi: 'Được tiếp nhận', en: 'Received' },
  refused_intake: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  processing: { vi: 'Đang xử lý', en: 'In process' },
  supplement_requested: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  fee_due: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fee due' },
  withdrawn: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
  result_ready: { vi: 'Đã xử lý xong', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

/** Statuses in which the agency's work is over: timeliness is fixed at `finished_at`. */
export const FINISHED_STATUSES: DossierStatusCode[] = ['refused_intake', 'withdrawn', 'stopped', 'result_ready', 'returned'];
/** Statuses in which the agency's clock runs. */
export const CLOCK_RUNNING_STATUSES: DossierStatusCode[] = ['received', 'processing'];

/** Kênh thực hiện: 1 at the counter, 2 online, 3 public postal service. */
export const DossierChannel = { Counter: 'counter', Online: 'online', Postal: 'postal' } as const;
export type DossierChannelCode = (typeof DossierChannel)[keyof typeof DossierChannel];
export const CHANNEL_NUMBERS: Record<DossierChannelCode, number> = { counter: 1, online: 2, postal: 3 };

export const DossierAction = {
  Receive: 'receive',
  RefuseIntake: 'refuse_intake',
  RequestSupplement: 'request_supplement',
  Supplement: 'supplement',
  Forward: 'forward',
  Return: 'return',
  Approve: 'approve',
  Refuse: 'refuse',
  Stop: 'stop',
  Withdraw: 'withdraw',
  Apologise: 'apologise',
  ReturnResult: 'return_result',
} as const;
export type DossierActionCode = (typeof DossierAction)[keyof typeof DossierAction];
export const DOSSIER_ACTIONS = Object.values(DossierAction) as DossierActionCode[];

/** Events that are not actions on the state machine but are recorded in the history. */
export const DossierEventKind = { Submit: 'submit', Rate: 'rate', FeePaid: 'fee_paid' } as const;
export type DossierEventKindCode = (typeof DossierEventKind)[keyof typeof DossierEventKind];
/** Anything the history records: an action, or one of the events above. */
export type DossierEventCode = DossierActionCode | DossierEventKindCode;

export const EVENT_LABELS: Record<DossierEventKindCode, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  rate: { vi: 'Đánh giá', en: 'Rated' },
  fee_paid: { vi: 'Đã thanh toán phí, lệ phí', en: 'Fee paid' },
};

export const ACTION_LABELS: Record<DossierActionCode, { vi: string; en: string }> = {
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  refuse_intake: { vi: 'Từ chối tiếp nhận', en: 'Refuse at intake' },
  request_supplement: { vi: 'Yêu cầu bổ sung', en: 'Request supplement' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Supplement' },
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Forward' },
  return: { vi: 'Trả lại bước trước', en: 'Return' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  refuse: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  stop: { vi: 'Dừng xử lý', en: 'Stop' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  apologise: { vi: 'Xin lỗi và hẹn lại', en: 'Apologise and reschedule' },
  return_result: { vi: 'Trả kết quả', en: 'Return the result' },
};

/** Thành phần hồ sơ: uploaded, reused from the data store, scanned at the counter, or handed in on paper only. */
export const ComponentSource = { Upload: 'upload', DataStore: 'data_store', Scan: 'scan', Paper: 'paper' } as const;
export type ComponentSourceCode = (typeof ComponentSource)[keyof typeof ComponentSource];

export const Outcome = { Granted: 'granted', Refused: 'refused' } as const;
