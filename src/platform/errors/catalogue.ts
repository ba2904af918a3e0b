/**
 * The one catalogue of coded errors (style guide §5). Each code has an HTTP status and a message in
 * Vietnamese (default) and English; `{name}` placeholders are filled from the error's params.
 * Modules add their codes here so that every client sees one consistent list.
 */
export interface ErrorDefinition {
  status: number;
  vi: string;
  en: string;
}

export const ERRORS = {
  // Input
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  BODY_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên vượt quá dung lượng cho phép.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng nội dung không được hỗ trợ.',
    en: 'The content type is not supported.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài nguyên được yêu cầu.', en: 'The requested resource was not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ API này.', en: 'No such API route.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Thao tác xung đột với dữ liệu hiện có.', en: 'The action conflicts with existing data.' },
  INTERNAL: {
    status: 500,
    vi: 'Hệ thống gặp lỗi, vui lòng thử lại sau. Mã tra cứu: {requestId}.',
    en: 'Something went wrong, please try again later. Reference: {requestId}.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống tạm thời quá tải hoặc đang bảo trì, vui lòng thử lại sau.',
    en: 'The service is temporarily unavailable, please try again later.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau {retryAfter} giây.',
    en: 'Too many requests, please retry in {retryAfter} seconds.',
  },
  // Refusing politely (issue 7): beyond a node's capacity, or while the database cannot be reached.
  SERVER_BUSY: {
    status: 503,
    vi: 'Hệ thống đang quá tải, vui lòng thử lại sau {retryAfter} giây.',
    en: 'The server is busy, please retry in {retryAfter} seconds.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau {retryAfter} giây. Thao tác chưa được ghi nhận.',
    en: 'The database is temporarily unreachable, please retry in {retryAfter} seconds. Nothing was saved.',
  },

  // Authentication and sessions
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập để thực hiện thao tác này.', en: 'You need to sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  OTP_REQUIRED: {
    status: 401,
    vi: 'Vui lòng nhập mã xác thực (OTP) từ ứng dụng xác thực.',
    en: 'Enter the one-time code from your authenticator app.',
  },
  OTP_INVALID: { status: 401, vi: 'Mã xác thực (OTP) không đúng hoặc đã hết hạn.', en: 'The one-time code is wrong or expired.' },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'The account is locked after repeated failed sign-ins. Try again in {minutes} minutes.',
  },
  ACCOUNT_DISABLED: { status: 401, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  SESSION_EXPIRED: { status: 401, vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session expired, please sign in again.' },
  CSRF_INVALID: {
    status: 403,
    vi: 'Yêu cầu không hợp lệ (thiếu hoặc sai mã chống giả mạo). Vui lòng tải lại trang.',
    en: 'Missing or invalid CSRF token. Reload the page.',
  },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    vi: 'Tài khoản quản trị phải bật xác thực hai lớp (TOTP) trước khi tiếp tục.',
    en: 'Administrator accounts must enrol a second factor (TOTP) first.',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu không đủ mạnh: {reason}',
    en: 'The password is too weak: {reason}',
  },
  CURRENT_PASSWORD_WRONG: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  TOTP_CODE_WRONG: {
    status: 400,
    vi: 'Mã xác thực (OTP) không đúng hoặc đã hết hạn.',
    en: 'The one-time code is wrong or expired.',
  },
  TOTP_ALREADY_ENABLED: {
    status: 409,
    vi: 'Xác thực hai lớp (TOTP) đã được bật cho tài khoản này.',
    en: 'Two-factor authentication (TOTP) is already enabled.',
  },
  TOTP_SETUP_REQUIRED: {
    status: 409,
    vi: 'Chưa khởi tạo xác thực hai lớp; hãy tạo mã QR trước.',
    en: 'Start the TOTP setup (QR code) first.',
  },
  TOTP_NOT_ENABLED: {
    status: 409,
    vi: 'Xác thực hai lớp (TOTP) chưa được bật.',
    en: 'Two-factor authentication (TOTP) is not enabled.',
  },
  TOTP_REQUIRED_FOR_ROLE: {
    status: 403,
    vi: 'Tài khoản quản trị bắt buộc dùng xác thực hai lớp, không thể tắt.',
    en: 'Administrator accounts must keep two-factor authentication.',
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    vi: 'Đăng nhập bằng định danh điện tử chưa được cấu hình.',
    en: 'Sign-in with the electronic ID is not configured.',
  },
  OIDC_FAILED: {
    status: 400,
    vi: 'Đăng nhập bằng định danh điện tử không thành công. Vui lòng thử lại.',
    en: 'Sign-in with the electronic ID failed. Please try again.',
  },

  // Units and users
  UNIT_CODE_TAKEN: { status: 409, vi: 'Mã định danh {code} đã được dùng cho đơn vị khác.', en: 'The agency code {code} is already used.' },
  UNIT_CYCLE: {
    status: 409,
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or its own descendants.',
  },
  UNIT_MERGED: { status: 409, vi: 'Đơn vị đã được sáp nhập, không thể thay đổi.', en: 'The unit has been merged and cannot change.' },
  UNIT_HAS_CHILDREN: {
    status: 409,
    vi: 'Đơn vị còn đơn vị trực thuộc; hãy chuyển chúng trước khi sáp nhập.',
    en: 'The unit still has sub-units; move them first.',
  },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập {username} đã tồn tại.', en: 'The username {username} is taken.' },
  UNIT_ROOT_EXISTS: {
    status: 409,
    vi: 'Đã có đơn vị gốc (UBND tỉnh); đơn vị mới phải có đơn vị cấp trên.',
    en: 'A root unit (the province) already exists; a new unit needs a parent.',
  },
  UNIT_MERGE_INTO_SELF: { status: 409, vi: 'Không thể sáp nhập đơn vị vào chính nó.', en: 'A unit cannot be merged into itself.' },
  USER_SELF_DISABLE: {
    status: 409,
    vi: 'Bạn không thể tự vô hiệu hóa tài khoản của mình.',
    en: 'You cannot disable your own account.',
  },
  GRANT_ESCALATION: {
    status: 403,
    vi: 'Bạn không thể cấp hoặc thu hồi quyền vượt quá phạm vi quyền của mình.',
    en: 'You cannot grant or revoke rights beyond your own.',
  },

  // Seeding, backup and restore (cqs command-line tool)
  SEED_UNITS_EXIST: {
    status: 409,
    vi: 'Cơ sở dữ liệu đã có cây đơn vị nên không nạp dữ liệu mẫu (tránh trùng lặp). Hãy dùng một cơ sở dữ liệu trống.',
    en: 'The database already has units, so seeding was refused to avoid duplicates. Use an empty database.',
  },
  SEED_FILE_INVALID: { status: 400, vi: 'Dữ liệu tỉnh không hợp lệ: {reason}', en: 'The province data is invalid: {reason}' },
  BACKUP_TARGET_EXISTS: {
    status: 409,
    vi: 'Tệp {file} đã tồn tại; hãy chọn tên tệp khác để không ghi đè bản sao lưu cũ.',
    en: 'The file {file} already exists; choose another name so an older backup is not overwritten.',
  },
  BACKUP_FAILED: { status: 500, vi: 'Sao lưu không thành công: {reason}', en: 'The backup failed: {reason}' },
  BACKUP_INVALID: { status: 400, vi: 'Tệp sao lưu không dùng được: {reason}', en: 'The backup file cannot be used: {reason}' },
  RESTORE_FAILED: { status: 500, vi: 'Khôi phục không thành công: {reason}', en: 'The restore failed: {reason}' },
  BACKUP_TOOL_MISSING: {
    status: 500,
    vi: 'Không tìm thấy chương trình {tool}; hãy cài gói postgresql-client cùng phiên bản với máy chủ.',
    en: 'The program {tool} was not found; install postgresql-client matching the server version.',
  },

  // Working calendar (platform/calendar)
  CALENDAR_CONFIG_INVALID: {
    status: 400,
    vi: 'Cấu hình lịch làm việc không hợp lệ.',
    en: 'The working calendar configuration is invalid.',
  },
  CALENDAR_YEAR_NOT_CONFIGURED: {
    status: 409,
    vi: 'Lịch làm việc chưa có ngày nghỉ lễ của năm {year}; quản trị viên cần cập nhật lịch trước khi tính thời hạn.',
    en: 'The working calendar has no holidays for {year} yet; an administrator must add them before deadlines can be computed.',
  },

  // Procedure catalogue (modules/procedures)
  PROCEDURE_CODE_TAKEN: {
    status: 409,
    vi: 'Mã thủ tục {code} đã có trong danh mục; hãy sửa thủ tục đó (tạo phiên bản mới).',
    en: 'The procedure code {code} is already in the catalogue; edit it instead (new version).',
  },
  PROCEDURE_RETIRED: {
    status: 409,
    vi: 'Thủ tục {code} đã ngừng áp dụng.',
    en: 'The procedure {code} has been retired.',
  },
  // Stored files (modules/files)
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG; nội dung tệp gửi lên không thuộc các loại này.',
    en: 'Only PDF, JPEG or PNG files are accepted; the uploaded content is none of these.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp vượt quá dung lượng cho phép ({limit}).',
    en: 'The file is larger than the allowed size ({limit}).',
  },
  // Idempotent requests (platform/http/idempotency.ts)
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    vi: 'Khóa Idempotency-Key không hợp lệ (1–200 ký tự chữ, số, dấu gạch).',
    en: 'The Idempotency-Key is invalid (1–200 letters, digits or dashes).',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  // Payments — the accountant's side (modules/payments/reconciliation, refunds)
  RECONCILIATION_ITEM_RESOLVED: {
    status: 409,
    vi: 'Chênh lệch này đã được xử lý trước đó.',
    en: 'This difference has already been resolved.',
  },
  REFUND_EXCEEDS_PAYMENT: {
    status: 409,
    vi: 'Tổng số tiền hoàn trả không được vượt quá số tiền đã thu; còn có thể hoàn {refundable} đồng.',
    en: 'Refunds cannot exceed the amount paid; at most {refundable} VND can still be refunded.',
  },

  // One-stop dossiers (modules/dossiers)
  ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác "{action}" với hồ sơ ở trạng thái "{status}". Thao tác được phép: {allowed}.',
    en: 'The action "{action}" is not allowed while the dossier is "{status}". Allowed actions: {allowed}.',
  },
  DOSSIER_CHANGED: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.',
    en: 'The dossier was just changed by someone else; reload and try again.',
  },
  NOT_FILEABLE_ONLINE: {
    status: 409,
    vi: 'Thủ tục {code} chưa cung cấp dịch vụ nộp hồ sơ trực tuyến.',
    en: 'The procedure {code} cannot be filed online.',
  },
  UNIT_NOT_COMPETENT: {
    status: 400,
    vi: 'Đơn vị {unit} không có thẩm quyền giải quyết thủ tục này.',
    en: 'The unit {unit} is not competent for this procedure.',
  },
  ALREADY_RATED: { status: 409, vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' },
  RATING_NOT_OPEN: {
    status: 409,
    vi: 'Chỉ đánh giá được sau khi đã nhận kết quả.',
    en: 'A dossier can be rated only after its result has been returned.',
  },

  // Payments (issue 5)
  PAYMENT_NOT_DUE: {
    status: 409,
    vi: 'Hồ sơ {code} hiện không có khoản phí, lệ phí nào cần thanh toán.',
    en: 'Nothing is owed on dossier {code} now.',
  },
  PAYMENT_UNAVAILABLE: {
    status: 503,
    vi: 'Chưa cấu hình cổng thanh toán trực tuyến; vui lòng nộp phí, lệ phí tại Bộ phận Một cửa.',
    en: 'No online payment gateway is configured; please pay at the one-stop desk.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    vi: 'Số tiền thu ({amount} đồng) phải bằng đúng số phải nộp ({due} đồng); không thu từng phần.',
    en: 'The amount collected ({amount} VND) must equal the amount due ({due} VND); partial payments are refused.',
  },

  // Official documents (issue 4, modules/documents)
  DOCUMENT_DUPLICATE: {
    status: 409,
    vi: 'Văn bản số {codeNumber}/{codeNotation} của {organName} đã được vào sổ; xác nhận nếu vẫn muốn vào sổ lần nữa.',
    en: 'Document {codeNumber}/{codeNotation} from {organName} is already registered; confirm to register it again.',
  },
  DOCUMENT_CHANGED: {
    status: 409,
    vi: 'Văn bản vừa được người khác cập nhật; vui lòng tải lại và thử lại.',
    en: 'The document was just changed by someone else; reload and try again.',
  },
  DOCUMENT_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác "{action}" với văn bản ở trạng thái "{status}". Thao tác được phép: {allowed}.',
    en: 'The action "{action}" is not allowed while the document is "{status}". Allowed actions: {allowed}.',
  },
  DOCUMENT_BOOK_EXISTS: { status: 409, vi: 'Đã có sổ "{name}" cho năm và loại này.', en: 'A book "{name}" already exists for this year and kind.' },
  DOCUMENT_BOOK_UNSUITABLE: {
    status: 409,
    vi: 'Sổ văn bản được chọn không thuộc đơn vị, năm hoặc loại văn bản này, hoặc đã khóa.',
    en: 'The chosen book belongs to another unit, year or kind, or is closed.',
  },
  // Digital signatures (issue 4, src/modules/signing)
  SIGNING_BAD_PASSPHRASE: {
    status: 422,
    vi: 'Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.',
    en: 'The passphrase of the certificate file (PKCS#12) is wrong.',
  },
  SIGNING_NOT_PKCS12: {
    status: 422,
    vi: 'Tệp gửi lên không phải tệp chứng thư số PKCS#12 (.p12/.pfx) có khóa bí mật.',
    en: 'The file is not a PKCS#12 (.p12/.pfx) certificate file with a private key.',
  },
  SIGNING_CERTIFICATE_EXPIRED: {
    status: 422,
    vi: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực (hiệu lực từ {notBefore} đến {notAfter}).',
    en: 'The certificate has expired or is not yet valid (valid from {notBefore} to {notAfter}).',
  },
  SIGNING_NOT_CERTIFICATE: {
    status: 422,
    vi: 'Tệp gửi lên không phải chứng thư số X.509 (PEM hoặc DER).',
    en: 'The file is not an X.509 certificate (PEM or DER).',
  },
  SIGNING_TRUST_ANCHOR_EXISTS: { status: 409, vi: 'Chứng thư này đã có trong danh sách tin cậy.', en: 'This certificate is already in the trust list.' },
  SIGNING_CREDENTIAL_MISSING: {
    status: 422,
    vi: 'Chưa có chứng thư số để ký: hãy chọn chứng thư đã đăng ký hoặc tải lên tệp PKCS#12 cho phiên làm việc.',
    en: 'No signing certificate: choose a registered one or upload a PKCS#12 file for this session.',
  },
  SIGNING_SEAL_MISSING: {
    status: 422,
    vi: 'Đơn vị "{unit}" chưa đăng ký chứng thư số của tổ chức (con dấu số).',
    en: 'The unit "{unit}" has no registered organisation (seal) certificate.',
  },
  SIGNING_NOT_PDF: { status: 422, vi: 'Tệp gửi lên không phải tệp PDF.', en: 'The file is not a PDF.' },
  SIGNING_PDF_UNSUPPORTED: {
    status: 422,
    vi: 'Không thể ký tệp PDF này ({reason}); hãy xuất lại tệp PDF (PDF/A) rồi thử lại.',
    en: 'This PDF cannot be signed ({reason}); export it again (PDF/A) and retry.',
  },
  SIGNING_VISIBLE_UNSUPPORTED: {
    status: 422,
    vi: 'Không thể đặt khối chữ ký hiển thị tại vị trí này: {reason}.',
    en: 'The visible signature block cannot be placed here: {reason}.',
  },
  // Document exchange, work files (issue 4, H3)
  EXCHANGE_PACKAGE_INVALID: {
    status: 422,
    vi: 'Gói tin văn bản điện tử không hợp lệ ({reason}).',
    en: 'The document exchange package is invalid ({reason}).',
  },
  EXCHANGE_UNAUTHENTICATED: {
    status: 401,
    vi: 'Không xác thực được thông điệp trao đổi văn bản (đơn vị gửi, thời điểm hoặc chữ ký không đúng).',
    en: 'The exchange message could not be authenticated (sender, timestamp or signature is wrong).',
  },
  EXCHANGE_RECIPIENT_UNKNOWN: {
    status: 422,
    vi: 'Hệ thống này không có cơ quan nhận mang mã định danh {organId}.',
    en: 'No receiving organisation with id {organId} on this system.',
  },
  EXCHANGE_PEER_EXISTS: { status: 409, vi: 'Đã có hệ thống kết nối với mã định danh {organId}.', en: 'A peer with organ id {organId} already exists.' },
  EXCHANGE_NO_FILE: { status: 409, vi: 'Văn bản chưa có tệp chính để đóng gói.', en: 'The document has no main file to package yet.' },
  WORK_FILE_EXISTS: {
    status: 409,
    vi: 'Đơn vị đã có hồ sơ ký hiệu "{notation}" trong năm {year}.',
    en: 'The unit already has a work file "{notation}" in {year}.',
  },
  WORK_FILE_CLOSED: { status: 409, vi: 'Hồ sơ công việc đã đóng.', en: 'The work file is closed.' },
  WORK_FILE_EMPTY: { status: 409, vi: 'Hồ sơ công việc chưa có văn bản nào.', en: 'The work file holds no documents yet.' },
  // Service index (issue 6 §A, Decision 766)
  INDEX_PERIOD_INVALID: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu {from} sau ngày kết thúc {to}.',
    en: 'Invalid period: the start date {from} is after the end date {to}.',
  },
  INDEX_INDICATOR_UNKNOWN: { status: 400, vi: 'Không có chỉ tiêu {indicator} trong bộ chỉ số.', en: 'The index has no indicator {indicator}.' },
  INDEX_UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị {unit}.', en: 'Unit {unit} was not found.' },
  INDEX_CONFIG_INVALID: { status: 422, vi: 'Cấu hình bộ chỉ số không hợp lệ.', en: 'The service index configuration is invalid.' },
  // Periodic reports (issue 6 §D, Decree 09/2019)
  REPORT_TEMPLATE_INVALID: { status: 422, vi: 'Mẫu báo cáo không hợp lệ.', en: 'The report template is invalid.' },
  REPORT_TEMPLATE_EXISTS: { status: 409, vi: 'Đã có mẫu báo cáo mã {code}.', en: 'A report template with code {code} already exists.' },
  REPORT_TEMPLATE_RETIRED: { status: 409, vi: 'Mẫu báo cáo đã ngừng sử dụng.', en: 'The report template is retired.' },
  REPORT_CHANGED: {
    status: 409,
    vi: 'Báo cáo vừa được người khác thay đổi; vui lòng tải lại để xem phiên bản mới nhất.',
    en: 'The report was changed meanwhile; reload to see the latest version.',
  },
  REPORT_INVALID: { status: 422, vi: 'Số liệu báo cáo chưa hợp lệ.', en: 'The report figures are invalid.' },
  REPORT_PERIOD_INVALID: {
    status: 422,
    vi: 'Kỳ báo cáo không hợp lệ: {reason}.',
    en: 'The reporting period is invalid: {reason}.',
  },
  REPORT_UNIT_OUT_OF_SCOPE: {
    status: 422,
    vi: 'Đơn vị {unitId} không thuộc phạm vi giao báo cáo của đơn vị giao.',
    en: 'Unit {unitId} is outside the assigning unit’s tree.',
  },
  REPORT_NOT_EDITABLE: {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái "{status}", không thể sửa hoặc gửi.',
    en: 'The report is {status} and cannot be edited or submitted.',
  },
  REPORT_NOT_SUBMITTED: {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái "{status}", chưa thể xem xét.',
    en: 'The report is {status}; only a submitted report can be reviewed.',
  },
  REPORT_COMMENT_REQUIRED: { status: 422, vi: 'Cần ghi ý kiến khi trả lại báo cáo.', en: 'A comment is required to return a report.' },
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;
