import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Table types shared by SQLite and PostgreSQL. Two conventions keep the data layer dialect-neutral:
 * - instants are ISO-8601 UTC strings (`2026-11-27T13:09:25.123Z`), which sort and compare correctly as text;
 * - flags are integers 0/1 (SQLite has no boolean type).
 */

export interface UnitsTable {
  id: Generated<number>;
  /** Mã định danh điện tử của cơ quan (13 characters, e.g. 000.00.31.H18). */
  code: string;
  name: string;
  short_name: string;
  /** UnitType: province, department, division, center, commune, agency. */
  type: string;
  parent_id: number | null;
  /** UnitStatus: active, merged. */
  status: string;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  /** Always stored lower-case. */
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  /** UserKind: official, citizen. */
  kind: string;
  /** Số định danh cá nhân (citizen ID number), personal data. */
  identity_number: string | null;
  /** Primary unit of an official; null for citizens. */
  unit_id: number | null;
  /** Job title shown on documents, e.g. "Chuyên viên". */
  title: string | null;
  password_hash: string | null;
  password_changed_at: string | null;
  /** UserStatus: active, disabled. */
  status: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled: number;
  /** Time step (unix time / 30 s) of the last accepted code: a code is never accepted twice. */
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** foldVietnamese(full name + username), for accent-insensitive search (migration 0002); null until computed. */
  search_text: string | null;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  /** RoleCode, see src/platform/auth/roles.ts. */
  role: string;
  unit_id: number | null;
  include_subtree: number;
  created_at: string;
  created_by: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the secret token: a stolen table does not yield usable sessions. */
  id: string;
  user_id: number;
  /** SessionKind: cookie, token. */
  kind: string;
  csrf_token: string | null;
  /** 1 when the second factor was checked (or is not required). */
  mfa_verified: number;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface AuditLogTable {
  /** Position in the hash chain, 1, 2, 3 … without gaps. */
  seq: number;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  request_id: string | null;
  /** JSON: { before?, after?, ...details } — never secrets. */
  summary: string;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the end of the audit chain, locked by every writer so entries chain in commit order. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OidcStatesTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProceduresTable {
  id: Generated<number>;
  /** Mã thủ tục, unique, e.g. 1.001193 (national procedure code). */
  code: string;
  name: string;
  /** Lĩnh vực (field), e.g. "Hộ tịch". */
  field: string;
  /** ProcedureLevel: province, commune. */
  level: string;
  /** OnlineLevel: toan_trinh, mot_phan, none. */
  online_level: string;
  /** ProcedureStatus: active, retired. */
  status: string;
  current_version: number;
  /** foldVietnamese(name), weighted higher in search. */
  search_name: string;
  /** foldVietnamese(code, field, requirements, legal basis …). */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface ProcedureVersionsTable {
  id: Generated<number>;
  procedure_code: string;
  version: number;
  /** JSON of the version document (ProcedureDocument in src/modules/procedures/procedures.schema.ts). */
  document: string;
  created_at: string;
  created_by: number | null;
}

/** A holiday, day off or swap working day of the province (platform/calendar, migration 0007). */
export interface CalendarEntriesTable {
  /** Local date yyyy-MM-dd (Asia/Ho_Chi_Minh); one entry per date. */
  date: string;
  /** CalendarEntryKind: holiday, day_off, working_day. */
  kind: string;
  name: string;
  name_en: string | null;
  updated_at: string;
  updated_by: number | null;
}

/** Office hours of one unit; units without a row inherit the nearest ancestor's, else the shipped default. */
export interface UnitOfficeHoursTable {
  unit_id: number;
  /** JSON: [{ "start": "07:30", "end": "11:30" }, …] */
  intervals: string;
  /** JSON: [1, 2, 3, 4, 5] (0 = Sunday). */
  working_weekdays: string;
  updated_at: string;
  updated_by: number | null;
}

/** A side effect owed after commit (style guide §8), worked by src/platform/outbox/worker.ts. */
export interface OutboxTable {
  id: Generated<number>;
  /** Handler name, e.g. `mail.send`. */
  topic: string;
  /** JSON text. */
  payload: string;
  /** OutboxStatus: pending, processing, done, failed. */
  status: string;
  /** Claims so far, counted when a worker takes the job (a worker that dies mid-job still used one). */
  attempts: number;
  available_at: string;
  locked_by: string | null;
  /** Lease end: past it, another worker may take the job again. */
  locked_until: string | null;
  last_error: string | null;
  /** Unique when set: the same side effect enqueued twice becomes one job. */
  dedupe_key: string | null;
  created_at: string;
  done_at: string | null;
}

/** The in-app inbox of a user (thông báo). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

/** One upload (migration 0005); the bytes live in the content-addressed store, shared by identical uploads. */
export interface FilesTable {
  /** Random UUID. */
  id: string;
  sha256: string;
  size: number;
  /** AllowedMediaType detected from the content: application/pdf, image/jpeg, image/png. */
  media_type: string;
  /** The uploader's file name, sanitised (no path, no control characters). */
  original_name: string;
  owner_user_id: number;
  created_at: string;
}

/** A one-stop dossier's current state (migration 0008); its history is `dossier_events`. */
export interface DossiersTable {
  id: Generated<number>;
  /** Mã hồ sơ, e.g. 000.00.30.H18-261127-0001. */
  code: string;
  procedure_code: string;
  /** The procedure version the dossier was filed under; it keeps it for life. */
  procedure_version: number;
  procedure_name: string;
  /** DossierChannel: counter, online, postal. */
  channel: string;
  /** DossierStatus (domain.md §4). */
  status: string;
  /** The competent unit that handles the dossier. */
  unit_id: number;
  /** The one-stop desk that receives it and returns the result (its code starts the dossier code). */
  receiving_unit_id: number;
  /** The citizen's account, when the applicant has one. */
  owner_user_id: number | null;
  /** JSON DossierApplicant — personal data. */
  applicant: string;
  applicant_name: string;
  applicant_identity: string | null;
  /** Folded code + applicant name for search (text/fold.ts). */
  search_text: string;
  /** JSON application form data. */
  form: string;
  current_step: string | null;
  /** Who acts now: holders of this role on current_unit_id (or above it with a subtree grant). */
  current_role: string | null;
  current_unit_id: number | null;
  step_started_at: string | null;
  step_due_at: string | null;
  submitted_at: string;
  received_at: string | null;
  /** Ngày hẹn trả kết quả, moved by supplement pauses and apologies. */
  due_at: string | null;
  original_due_at: string | null;
  /** Set while the agency's clock is stopped (waiting for the citizen). */
  paused_at: string | null;
  resume_status: string | null;
  resume_step: string | null;
  supplement_count: number;
  /** End of processing (result ready, refused, stopped, withdrawn): what timeliness is measured by. */
  finished_at: string | null;
  returned_at: string | null;
  /** granted, refused. */
  outcome: string | null;
  result_file_id: string | null;
  /** Timeliness of a finished dossier: early, onTime, late. */
  timeliness: string | null;
  /** Sequence number of the latest event. */
  last_seq: number;
  created_by: number | null;
  updated_at: string;
}

/** One action on a dossier (append-only). */
export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  /** The workflow step the action was taken at (null at intake). */
  step_code: string | null;
  step_name: string | null;
  actor_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  at: string;
  note: string | null;
  /** JSON: reasons, items, toStep, newDueAt, fileIds… */
  details: string;
  /** Deadline of the step the action finished, and how it finished against it. */
  step_due_at: string | null;
  timeliness: string | null;
}

/** A document (thành phần hồ sơ) handed in with a dossier or a supplement. */
export interface DossierComponentsTable {
  id: Generated<number>;
  dossier_id: number;
  requirement_code: string;
  requirement_name: string;
  /** Null for a paper document handed in at the counter and not scanned. */
  file_id: string | null;
  /** ComponentSource: upload, data_store (reused), scan (digitised at the counter), paper. */
  source: string;
  digitised: number;
  event_seq: number;
  added_at: string;
}

export interface DossierCodeCountersTable {
  unit_id: number;
  /** Local date yyyy-MM-dd of receipt. */
  day: string;
  last_seq: number;
}

export interface PaymentOrdersTable {
  id: Generated<number>;
  dossier_id: number;
  amount_vnd: number;
  /** JSON FeeLine[] as computed at filing (src/modules/procedures/fees.ts). */
  lines: string;
  /** PaymentOrderStatus: pending, paid, cancelled. */
  status: string;
  created_at: string;
  paid_at: string | null;
  cancelled_at: string | null;
}

export interface PaymentAttemptsTable {
  id: Generated<number>;
  order_id: number;
  /** The order reference sent to the gateway (vnp_TxnRef); unique per attempt. */
  txn_ref: string;
  amount_vnd: number;
  /** started, succeeded, declined, expired. */
  status: string;
  created_at: string;
  expires_at: string;
  finished_at: string | null;
  response_code: string | null;
  gateway_txn_no: string | null;
  created_by: number | null;
}

export interface PaymentsTable {
  id: Generated<number>;
  order_id: number;
  attempt_id: number | null;
  /** gateway, cash, bank_transfer. */
  channel: string;
  /** valid, or duplicate (a late gateway success for an order already paid: to be refunded). */
  status: string;
  amount_vnd: number;
  /** The unit issuing the receipt (the dossier's receiving unit). */
  unit_id: number;
  receipt_year: number;
  receipt_seq: number;
  receipt_no: string;
  /** Gateway transaction number, bank transfer reference or the counter's own slip number. */
  reference: string | null;
  bank_code: string | null;
  paid_at: string;
  recorded_by: number | null;
  created_at: string;
}

export interface ReceiptCountersTable {
  unit_id: number;
  year: number;
  last_seq: number;
}

export interface GatewayCallbacksTable {
  id: Generated<number>;
  received_at: string;
  txn_ref: string | null;
  /** JSON of the query parameters as received. */
  params: string;
  rsp_code: string;
  message: string;
}

export interface PaymentRefundsTable {
  id: Generated<number>;
  payment_id: number;
  amount_vnd: number;
  reason: string;
  reference: string | null;
  refunded_at: string;
  recorded_by: number;
}

export interface ReconciliationRunsTable {
  id: Generated<number>;
  /** Local date yyyy-MM-dd the gateway's file covers. */
  gateway_date: string;
  file_name: string;
  file_sha256: string;
  gateway_rows: number;
  platform_rows: number;
  matched: number;
  imported_by: number;
  imported_at: string;
}

export interface ReconciliationItemsTable {
  id: Generated<number>;
  run_id: number;
  /** missing_on_platform, missing_at_gateway, amount_mismatch. */
  kind: string;
  txn_ref: string;
  gateway_amount_vnd: number | null;
  platform_amount_vnd: number | null;
  /** JSON of the gateway file's row, when there is one. */
  gateway_row: string | null;
  payment_id: number | null;
  /** open, resolved. */
  status: string;
  resolution_note: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
}

export interface DossierRatingsTable {
  dossier_id: number;
  score: number;
  comment: string | null;
  rated_by: number | null;
  at: string;
}

export interface DossierDraftsTable {
  id: Generated<number>;
  owner_user_id: number;
  procedure_code: string;
  /** JSON form data (unvalidated work in progress). */
  form: string;
  /** JSON [{ requirement, fileId }]. */
  attachments: string;
  created_at: string;
  updated_at: string;
}

/** The applicant's data store (kho dữ liệu điện tử của tổ chức, cá nhân). */
export interface ApplicantDocumentsTable {
  id: Generated<number>;
  owner_user_id: number;
  file_id: string;
  name: string;
  requirement_code: string | null;
  requirement_name: string | null;
  /** upload (handed in with a dossier), result (an electronic result received). */
  source: string;
  dossier_id: number | null;
  created_at: string;
}

/** The stored response of a mutating request sent with an Idempotency-Key. */
export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  /** Method and route, e.g. `POST /api/dossiers`. */
  scope: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** Sổ văn bản (Decree 30/2020 art. 15, 22): per unit, year and kind; `last_number` is the book's counter. */
export interface DocumentBooksTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  /** DocumentBookKind: incoming, outgoing, internal. */
  kind: string;
  confidential: number;
  name: string;
  last_number: Generated<number>;
  /** open, closed. */
  status: Generated<string>;
  created_by: number | null;
  created_at: string;
}

/** Hồ sơ công việc (Decree 30/2020 art. 28): documents filed together, kept for `retention_years` (null: permanently). */
export interface WorkFilesTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  /** Ký hiệu hồ sơ, unique per unit and year. */
  notation: string;
  title: string;
  retention_years: number | null;
  /** open, closed. */
  status: string;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** An official document as one unit holds it (Appendix VI metadata as columns; migration 0010). */
export interface DocumentsTable {
  id: Generated<number>;
  /** Global id carried in exchange packages. */
  uid: string;
  /** DocumentDirection: incoming, outgoing, internal. */
  direction: string;
  /** DocumentStatus (documents module). */
  status: string;
  /** The unit that holds the document: the issuing organisation (outgoing) or the receiving one (incoming). */
  unit_id: number;
  book_id: number | null;
  /** Outgoing: the number in its book (DocOrdinal of the issuing organisation). */
  number: number | null;
  /** Incoming: số đến, per book and year (ArrivalNumber). */
  arrival_number: number | null;
  /** CodeNumber, e.g. "12". */
  code_number: string | null;
  /** CodeNotation, e.g. "QĐ-UBND". */
  code_notation: string | null;
  /** Type code from the Decree 30 list (documents module), e.g. QD, CV. */
  type_code: string;
  subject: string;
  /** DocumentUrgency: normal, khan, thuong_khan, hoa_toc. */
  urgency: string;
  /** Confidentiality: normal, mat, toi_mat, tuyet_mat. */
  confidentiality: string;
  language: Generated<string>;
  page_amount: number | null;
  issued_amount: number | null;
  /** IssuedDate, local yyyy-MM-dd. */
  issued_date: string | null;
  /** OrganId: the issuing organisation's electronic id (mã định danh). */
  organ_id: string | null;
  organ_name: string | null;
  signer_name: string | null;
  signer_title: string | null;
  /** JSON array of recipient names (ToPlaces). */
  to_places: Generated<string>;
  /** DueDate (hạn xử lý), local yyyy-MM-dd. */
  due_date: string | null;
  /** ArrivalDate, ISO instant. */
  arrival_date: string | null;
  /** JSON TraceHeaderList: [{ organId, at }] the route the document took. */
  trace_header: Generated<string>;
  work_file_id: number | null;
  /** Order of the document in its work file. */
  doc_ordinal: number | null;
  /** The current main PDF (latest signed PDF, or the registered scan). */
  main_file_id: string | null;
  current_version_no: Generated<number>;
  in_reply_to_id: number | null;
  /** For an incoming copy delivered inside this instance: the outgoing document it came from. */
  source_document_id: number | null;
  /** For an incoming document from another instance: the peer's organ id. */
  source_peer: string | null;
  /** The official designated to sign an outgoing document. */
  signer_user_id: number | null;
  /** Folded (diacritic-free, lower-case) metadata for search. */
  search_text: Generated<string>;
  /** Folded text extracted from the main PDF. */
  content_text: string | null;
  /** The file `content_text` was extracted from; differs from `main_file_id` while indexing is due. */
  content_file_id: string | null;
  /** Optimistic concurrency: incremented by every change. */
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  registered_by: number | null;
  registered_at: string | null;
  issued_at: string | null;
  completed_at: string | null;
  recalled_at: string | null;
  recall_reason: string | null;
}

export interface DocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  version_no: number;
  file_id: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface DocumentAttachmentsTable {
  id: Generated<number>;
  document_id: number;
  file_id: string;
  name: string;
  created_by: number | null;
  created_at: string;
}

export interface DocumentCommentsTable {
  id: Generated<number>;
  document_id: number;
  author_id: number;
  body: string;
  version_no: number | null;
  created_at: string;
}

export interface DocumentReviewsTable {
  id: Generated<number>;
  document_id: number;
  reviewer_id: number;
  /** content (thẩm định nội dung), format (văn thư kiểm tra thể thức). */
  kind: string;
  /** pending, approved, changes_requested. */
  status: string;
  version_no: number;
  comment: string | null;
  requested_by: number | null;
  requested_at: string;
  decided_at: string | null;
}

export interface DocumentAssignmentsTable {
  id: Generated<number>;
  document_id: number;
  user_id: number;
  /** lead (chủ trì), coordinator (phối hợp). */
  role: string;
  /** Local yyyy-MM-dd. */
  deadline: string | null;
  instructions: string | null;
  /** open, done. */
  status: string;
  assigned_by: number;
  assigned_at: string;
  done_at: string | null;
  note: string | null;
}

export interface DocumentRecipientsTable {
  id: Generated<number>;
  document_id: number;
  /** A unit of this instance, or null for an organisation on another instance. */
  unit_id: number | null;
  organ_id: string;
  name: string;
  /** internal, exchange. */
  channel: string;
  /** pending, sent, received, assigned, done, recalled, destroyed, failed. */
  status: string;
  status_at: string;
  incoming_document_id: number | null;
  detail: string | null;
}

export interface DocumentSignaturesTable {
  id: Generated<number>;
  document_id: number;
  /** signer (người có thẩm quyền ký), seal (chữ ký số của cơ quan, tổ chức). */
  kind: string;
  signer_name: string;
  organisation: string | null;
  certificate_serial: string;
  /** registered, session. */
  credential_kind: string;
  /** The PDF as it was after this signature. */
  file_id: string;
  signed_by: number;
  signed_at: string;
}

export interface DocumentAccessTable {
  document_id: number;
  user_id: number;
  granted_by: number | null;
  granted_at: string;
}

export interface DocumentEventsTable {
  id: Generated<number>;
  document_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  /** JSON object. */
  details: Generated<string>;
  at: string;
}

/** A CA certificate the administrator trusts for verification (the trust list). */
export interface SigningTrustAnchorsTable {
  id: Generated<number>;
  label: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: string;
  not_after: string;
  fingerprint_sha256: string;
  /** Base64 DER. */
  certificate_der: string;
  /** active, removed. */
  status: string;
  created_by: number | null;
  created_at: string;
  removed_at: string | null;
}

/** A PKCS#12 credential registered by the administrator: an official's own, or a unit's seal. */
export interface SigningCredentialsTable {
  id: Generated<number>;
  /** user, unit_seal. */
  owner_kind: string;
  user_id: number | null;
  unit_id: number | null;
  label: string;
  subject_name: string;
  organisation: string | null;
  issuer_name: string;
  serial: string;
  not_before: string;
  not_after: string;
  fingerprint_sha256: string;
  /** Encrypted at rest (AES-256-GCM), base64. */
  p12_encrypted: string;
  passphrase_encrypted: string;
  /** active, revoked. */
  status: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

/** A PKCS#12 file an official uploaded for one session; removed with the session. */
export interface SigningSessionCredentialsTable {
  session_id: string;
  user_id: number;
  subject_name: string;
  organisation: string | null;
  issuer_name: string;
  serial: string;
  not_before: string;
  not_after: string;
  p12_encrypted: string;
  passphrase_encrypted: string;
  created_at: string;
  expires_at: string;
}

/** Another instance this one exchanges documents with (migration 0011). */
export interface ExchangePeersTable {
  id: Generated<number>;
  /** Organ id (mã định danh) of the peer's root organisation. */
  organ_id: string;
  /** JSON array of the other organ ids the peer hosts (its units). */
  hosted_organ_ids: Generated<string>;
  name: string;
  /** Where the peer answers, e.g. https://vanban.laichau.gov.vn (no trailing slash). */
  base_url: string;
  /** Shared secret for HMAC-SHA256 of every message both ways. */
  secret: string;
  /** active, removed. */
  status: string;
  created_by: number | null;
  created_at: string;
  removed_at: string | null;
}

/** A package accepted from a peer: the sender's uid and the addressed organ map to the document created here. */
export interface ExchangeReceivedTable {
  source_uid: string;
  recipient_organ_id: string;
  peer_organ_id: string;
  document_id: number;
  received_at: string;
}

/** A saved version of the service index configuration (migration 0012; JSON ServiceIndexConfig). */
export interface ServiceIndexConfigsTable {
  id: Generated<number>;
  version: number;
  document: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

/** What the service index knows about one dossier, rewritten with every dossier event (migration 0012). */
export interface DossierIndexFactsTable {
  dossier_id: number;
  /** The competent unit (dossiers.unit_id). */
  unit_id: number;
  procedure_code: string;
  channel: string;
  status: string;
  /** Local month yyyy-MM (Asia/Ho_Chi_Minh) the dossier was received in; null until received. */
  received_month: string | null;
  /** Local month yyyy-MM processing ended in; null while in process. */
  finished_month: string | null;
  /** early, onTime, late (null until finished). */
  timeliness: string | null;
  /** Why a finished dossier counts late: past_due, supplements (more than one supplement request), or both. */
  late_reason: string | null;
  supplement_count: number;
  online: number;
  /** Online and, where the procedure issues an electronic result, with that result (indicator 3.3). */
  online_counted: number;
  result_electronic_expected: number;
  result_electronic: number;
  fee_required: number;
  paid: number;
  paid_online: number;
  components: number;
  components_digitised: number;
  /** Components whose requirement may be taken from the citizen's data store (indicator 6.3's denominator). */
  components_reusable: number;
  components_reused: number;
  components_from_store: number;
  eid_verified: number;
  rating: number | null;
  rated_negative: number;
  updated_at: string;
}

/** Counters per competent unit, procedure and local month, kept in step with dossier_index_facts (migration 0012). */
export interface ServiceIndexMonthlyTable {
  unit_id: number;
  procedure_code: string;
  /** yyyy-MM, local. */
  month: string;
  received: Generated<number>;
  received_online: Generated<number>;
  received_counter: Generated<number>;
  received_postal: Generated<number>;
  online_counted: Generated<number>;
  fee_required: Generated<number>;
  paid: Generated<number>;
  paid_online: Generated<number>;
  components: Generated<number>;
  components_digitised: Generated<number>;
  components_reusable: Generated<number>;
  components_reused: Generated<number>;
  components_from_store: Generated<number>;
  eid_verified: Generated<number>;
  finished: Generated<number>;
  finished_early: Generated<number>;
  finished_on_time: Generated<number>;
  finished_late: Generated<number>;
  finished_late_supplements: Generated<number>;
  refused_intake: Generated<number>;
  withdrawn: Generated<number>;
  stopped: Generated<number>;
  result_electronic_expected: Generated<number>;
  result_electronic: Generated<number>;
  rated: Generated<number>;
  rated_negative: Generated<number>;
}

/** A periodic report template (Decree 09/2019; migration 0013). */
export interface ReportTemplatesTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** ReportRegime: monthly, quarterly, half_yearly, yearly, thematic, ad_hoc. */
  regime: string;
  owner_unit_id: number;
  current_version: number;
  /** active, retired. */
  status: string;
  /** foldVietnamese(code, name). */
  search_text: string;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface ReportTemplateVersionsTable {
  id: Generated<number>;
  template_id: number;
  version: number;
  /** JSON ReportTemplateDocument (rows, columns, cell types, units, validation, formulas, aggregation, sources). */
  document: string;
  created_at: string;
  created_by: number | null;
}

/** One issue of a template for a reporting period, assigned to units (migration 0013). */
export interface ReportRoundsTable {
  id: Generated<number>;
  template_id: number;
  template_version: number;
  assigner_unit_id: number;
  /** e.g. "Tháng 11/2026". */
  period_label: string;
  /** Local dates yyyy-MM-dd, inclusive. */
  period_from: string;
  period_to: string;
  due_date: string;
  /** open, closed. */
  status: string;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface ReportAssignmentsTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  /** pending, draft, submitted, returned, accepted. */
  status: string;
  /** Latest report_submissions.version (0: nothing saved yet). */
  current_version: number;
  submitted_at: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  review_comment: string | null;
  updated_at: string;
}

/** Every saved or submitted version of a unit's figures (never overwritten). */
export interface ReportSubmissionsTable {
  id: Generated<number>;
  assignment_id: number;
  version: number;
  /** JSON { [rowCode]: { [columnCode]: number | string | null } }. */
  data: string;
  /** draft (saved), submitted. */
  kind: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

export interface ReportEventsTable {
  id: Generated<number>;
  assignment_id: number | null;
  round_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
  details: string;
}

export interface ReportRemindersTable {
  assignment_id: number;
  /** e.g. before_3d, due_day, overdue_1d. */
  kind: string;
  sent_at: string;
}

export interface Schema {
  units: UnitsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  oidc_states: OidcStatesTable;
  settings: SettingsTable;
  calendar_entries: CalendarEntriesTable;
  unit_office_hours: UnitOfficeHoursTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  files: FilesTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_components: DossierComponentsTable;
  dossier_code_counters: DossierCodeCountersTable;
  dossier_ratings: DossierRatingsTable;
  dossier_drafts: DossierDraftsTable;
  applicant_documents: ApplicantDocumentsTable;
  idempotency_keys: IdempotencyKeysTable;
  payment_orders: PaymentOrdersTable;
  payment_attempts: PaymentAttemptsTable;
  payments: PaymentsTable;
  receipt_counters: ReceiptCountersTable;
  gateway_callbacks: GatewayCallbacksTable;
  payment_refunds: PaymentRefundsTable;
  reconciliation_runs: ReconciliationRunsTable;
  reconciliation_items: ReconciliationItemsTable;
  document_books: DocumentBooksTable;
  work_files: WorkFilesTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_attachments: DocumentAttachmentsTable;
  document_comments: DocumentCommentsTable;
  document_reviews: DocumentReviewsTable;
  document_assignments: DocumentAssignmentsTable;
  document_recipients: DocumentRecipientsTable;
  document_signatures: DocumentSignaturesTable;
  document_access: DocumentAccessTable;
  document_events: DocumentEventsTable;
  signing_trust_anchors: SigningTrustAnchorsTable;
  signing_credentials: SigningCredentialsTable;
  signing_session_credentials: SigningSessionCredentialsTable;
  exchange_peers: ExchangePeersTable;
  exchange_received: ExchangeReceivedTable;
  service_index_configs: ServiceIndexConfigsTable;
  dossier_index_facts: DossierIndexFactsTable;
  service_index_monthly: ServiceIndexMonthlyTable;
  report_templates: ReportTemplatesTable;
  report_template_versions: ReportTemplateVersionsTable;
  report_rounds: ReportRoundsTable;
  report_assignments: ReportAssignmentsTable;
  report_submissions: ReportSubmissionsTable;
  report_events: ReportEventsTable;
  report_reminders: ReportRemindersTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type FileRow = Selectable<FilesTable>;
export type DossierRow = Selectable<DossiersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;
export type DossierUpdate = Updateable<DossiersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentUpdate = Updateable<DocumentsTable>;
export type DocumentBookRow = Selectable<DocumentBooksTable>;
