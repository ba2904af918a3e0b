import type { ProcedureDocument } from './procedures.schema.js';

/*
 * Demo catalogue for the Điện Biên demo province: procedures a province and its communes handle every day.
 * Codes, times, fees and legal bases are given as best known from the national catalogue
 * (dichvucong.gov.vn) after the two-level local government of 1 July 2025 — verify each against the
 * province's published catalogue (Quyết định công bố danh mục TTHC) before real use. Values marked "verify before production"
 * are set by provincial People's Council resolutions and differ between provinces.
 */

const COMMUNES = Array.from({ length: 12 }, (_, i) => `000.${String(i + 1).padStart(2, '0')}.50.H18`);
const JUSTICE = '000.00.05.H18';

type Fields = Record<string, Record<string, unknown>>;

const text = (title: string, extra: Record<string, unknown> = {}) => ({ type: 'string', title, minLength: 1, maxLength: 250, ...extra });
const date = (title: string) => ({ type: 'string', title, format: 'date' });
const choice = (title: string, values: string[]) => ({ type: 'string', title, enum: values });
// Số định danh cá nhân: 12 digits (Luật Căn cước 2023).
const identity = (title = 'Số định danh cá nhân') => ({ type: 'string', title, pattern: '^[0-9]{12}$' });
const phone = { type: 'string', title: 'Số điện thoại', pattern: '^0[0-9]{9,10}$' };

/** Người yêu cầu — the applicant block every form starts with. */
const APPLICANT: Fields = {
  nguoiYeuCauHoTen: text('Họ, chữ đệm, tên người yêu cầu'),
  nguoiYeuCauSoDinhDanh: identity('Số định danh cá nhân của người yêu cầu'),
  nguoiYeuCauDienThoai: phone,
  nguoiYeuCauNoiCuTru: text('Nơi cư trú'),
};

function form(required: string[], fields: Fields) {
  const properties = { ...APPLICANT, ...fields };
  return {
    schema: {
      type: 'object',
      required: ['nguoiYeuCauHoTen', 'nguoiYeuCauSoDinhDanh', ...required],
      properties,
      additionalProperties: false,
    },
    uiSchema: { 'ui:order': Object.keys(properties) },
  };
}

/**
 * The usual one-stop workflow: reception, examination, approval, returning the result; the budgets split the
 * legal time 10/60/20/10 per cent (working hours), so they always fit inside it.
 */
function workflow(totalHours: number, approverRole = 'agency_leader') {
  const share = (part: number) => ({ amount: Math.round(totalHours * part * 100) / 100, unit: 'working_hours' as const });
  return {
    steps: [
      { code: 'tiep_nhan', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', budget: share(0.1) },
      { code: 'tham_dinh', name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', budget: share(0.6) },
      { code: 'phe_duyet', name: 'Phê duyệt, ký kết quả', role: approverRole, budget: share(0.2) },
      { code: 'tra_ket_qua', name: 'Trả kết quả', role: 'one_stop_officer', budget: share(0.1) },
    ],
    transitions: [
      { from: 'tiep_nhan', action: 'forward' as const, to: 'tham_dinh' },
      { from: 'tham_dinh', action: 'request_supplement' as const, to: 'tiep_nhan' },
      { from: 'tham_dinh', action: 'forward' as const, to: 'phe_duyet' },
      { from: 'phe_duyet', action: 'return' as const, to: 'tham_dinh' },
      { from: 'phe_duyet', action: 'approve' as const, to: 'tra_ket_qua' },
      { from: 'phe_duyet', action: 'refuse' as const, to: 'tra_ket_qua' },
    ],
  };
}

const days = (amount: number) => ({ amount, unit: 'working_days' as const });
const hours = (amount: number) => ({ amount, unit: 'working_hours' as const });
const hoursOf = (time: { amount: number; unit: string }) => (time.unit === 'working_days' ? time.amount * 8 : time.amount);

interface Requirement {
  code: string;
  name: string;
  originals?: number;
  copies?: number;
  mandatory?: boolean;
  fromDataStore?: boolean;
}

const req = ({ originals = 1, copies = 0, mandatory = true, fromDataStore = false, ...rest }: Requirement) => ({
  ...rest,
  originals,
  copies,
  mandatory,
  fromDataStore,
});

type Draft = Omit<ProcedureDocument, 'workflow' | 'requirements' | 'status'> & { requirements: Requirement[]; approverRole?: string };

function procedure({ approverRole, requirements, ...draft }: Draft): ProcedureDocument {
  return { ...draft, requirements: requirements.map(req), workflow: workflow(hoursOf(draft.processingTime), approverRole), status: 'active' };
}

const HO_TICH = 'Hộ tịch';
const LUAT_HO_TICH = 'Luật Hộ tịch số 60/2014/QH13';
const ND_123 = 'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch';
const TT_04 = 'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành Luật Hộ tịch'; // verify before production
const LUAT_CU_TRU = 'Luật Cư trú số 68/2020/QH14';

export const DEMO_CATALOGUE: ProcedureDocument[] = [
  procedure({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: HO_TICH,
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    // Luật Hộ tịch Art. 16: registered on the day the papers are received.
    processingTime: hours(8),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký khai sinh đúng hạn (miễn)', amountVnd: 0 }],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai đăng ký khai sinh theo mẫu' },
      { code: 'giay_chung_sinh', name: 'Giấy chứng sinh hoặc giấy tờ thay giấy chứng sinh' },
      { code: 'giay_to_tuy_than', name: 'Giấy tờ tùy thân của người yêu cầu', originals: 0, copies: 1, fromDataStore: true },
    ],
    form: form(['hoTenTre', 'ngaySinh', 'gioiTinh', 'noiSinh', 'hoTenMe'], {
      hoTenTre: text('Họ, chữ đệm, tên người được khai sinh'),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      gioiTinh: choice('Giới tính', ['Nam', 'Nữ']),
      danToc: text('Dân tộc'),
      quocTich: text('Quốc tịch', { default: 'Việt Nam' }),
      noiSinh: text('Nơi sinh'),
      hoTenMe: text('Họ, chữ đệm, tên người mẹ'),
      hoTenCha: text('Họ, chữ đệm, tên người cha'),
      quanHe: text('Quan hệ với người được khai sinh'),
    }),
    result: { type: 'both', name: 'Giấy khai sinh (bản chính) và bản điện tử' },
    legalBasis: [LUAT_HO_TICH, ND_123, TT_04, 'Thông tư số 85/2019/TT-BTC về phí, lệ phí thuộc thẩm quyền HĐND tỉnh'],
  }),
  procedure({
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: HO_TICH,
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    processingTime: hours(8),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký kết hôn (miễn)', amountVnd: 0 }],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai đăng ký kết hôn theo mẫu' },
      { code: 'xac_nhan_hon_nhan', name: 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi khác nơi cư trú)', mandatory: false },
      { code: 'giay_to_tuy_than', name: 'Giấy tờ tùy thân của hai bên nam, nữ', originals: 0, copies: 2, fromDataStore: true },
    ],
    form: form(['hoTenChong', 'ngaySinhChong', 'soDinhDanhChong', 'hoTenVo', 'ngaySinhVo', 'soDinhDanhVo'], {
      hoTenChong: text('Họ, chữ đệm, tên bên nam'),
      ngaySinhChong: date('Ngày sinh bên nam'),
      soDinhDanhChong: identity('Số định danh cá nhân bên nam'),
      hoTenVo: text('Họ, chữ đệm, tên bên nữ'),
      ngaySinhVo: date('Ngày sinh bên nữ'),
      soDinhDanhVo: identity('Số định danh cá nhân bên nữ'),
      lanKetHon: { type: 'integer', title: 'Kết hôn lần thứ', minimum: 1, default: 1 },
    }),
    result: { type: 'paper', name: 'Giấy chứng nhận kết hôn' },
    legalBasis: [LUAT_HO_TICH, 'Luật Hôn nhân và gia đình số 52/2014/QH13', ND_123, TT_04],
    approverRole: 'agency_leader',
  }),
  procedure({
    code: '1.000656',
    name: 'Đăng ký khai tử',
    field: HO_TICH,
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    processingTime: hours(8),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký khai tử đúng hạn (miễn)', amountVnd: 0 }],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai đăng ký khai tử theo mẫu' },
      { code: 'giay_bao_tu', name: 'Giấy báo tử hoặc giấy tờ thay giấy báo tử' },
    ],
    form: form(['hoTenNguoiChet', 'ngayChet', 'noiChet', 'nguyenNhan'], {
      hoTenNguoiChet: text('Họ, chữ đệm, tên người đã chết'),
      soDinhDanhNguoiChet: identity('Số định danh cá nhân của người đã chết'),
      ngayChet: date('Ngày, tháng, năm chết'),
      noiChet: text('Nơi chết'),
      nguyenNhan: text('Nguyên nhân chết'),
      quanHe: text('Quan hệ với người đã chết'),
    }),
    result: { type: 'both', name: 'Trích lục khai tử' },
    legalBasis: [LUAT_HO_TICH, ND_123, TT_04],
  }),
  procedure({
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
    field: 'Chứng thực',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    // Nghị định 23/2015 Art. 21: same day (next working day when received after 3 p.m.).
    processingTime: hours(8),
    // Thông tư 226/2016/TT-BTC: 2.000 đồng/trang for pages 1–2, 1.000 đồng/trang from page 3, at most 200.000 đồng per copy.
    // One rate per page is what a fee line can say, so the higher rate applies to every page (up to the cap) — verify
    // before production; the two-rate tariff needs tiers in the fee model.
    fees: [{ code: 'phi_chung_thuc', name: 'Phí chứng thực bản sao (theo số trang)', amountVnd: 2000, quantityField: 'soTrang', maximumVnd: 200_000 }],
    requirements: [
      { code: 'ban_chinh', name: 'Bản chính giấy tờ, văn bản cần chứng thực' },
      { code: 'ban_sao', name: 'Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)', originals: 0, copies: 1, mandatory: false },
    ],
    form: form(['tenGiayTo', 'soBanSao'], {
      tenGiayTo: text('Tên giấy tờ, văn bản cần chứng thực'),
      soTrang: { type: 'integer', title: 'Số trang của giấy tờ, văn bản', minimum: 1, maximum: 500, default: 1 },
      soBanSao: { type: 'integer', title: 'Số bản sao', minimum: 1, maximum: 50 },
    }),
    result: { type: 'paper', name: 'Bản sao được chứng thực từ bản chính' },
    legalBasis: [
      'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
      'Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí chứng thực', // verify before production
    ],
    approverRole: 'agency_leader',
  }),
  procedure({
    code: '2.000720',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    processingTime: days(3),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký hộ kinh doanh (theo nghị quyết HĐND tỉnh)', amountVnd: 100_000 }], // verify before production
    requirements: [
      { code: 'giay_de_nghi', name: 'Giấy đề nghị đăng ký hộ kinh doanh theo mẫu' },
      { code: 'bien_ban_hop', name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên cùng đăng ký)', mandatory: false },
      { code: 'giay_to_tru_so', name: 'Bản sao hợp đồng thuê hoặc giấy tờ về quyền sử dụng địa điểm kinh doanh', originals: 0, copies: 1, mandatory: false },
    ],
    form: form(['tenHoKinhDoanh', 'diaChiKinhDoanh', 'nganhNghe', 'vonKinhDoanh'], {
      tenHoKinhDoanh: text('Tên hộ kinh doanh'),
      diaChiKinhDoanh: text('Địa chỉ trụ sở hộ kinh doanh'),
      nganhNghe: text('Ngành, nghề kinh doanh'),
      vonKinhDoanh: { type: 'integer', title: 'Vốn kinh doanh (đồng)', minimum: 0 },
      soLaoDong: { type: 'integer', title: 'Số lượng lao động', minimum: 0 },
    }),
    result: { type: 'both', name: 'Giấy chứng nhận đăng ký hộ kinh doanh' },
    legalBasis: ['Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp (Chương VIII — hộ kinh doanh)', 'Thông tư số 02/2023/TT-BKHĐT'], // verify before production
  }),
  procedure({
    code: '2.000488',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'province',
    competentUnitCodes: [JUSTICE],
    onlineLevel: 'toan_trinh',
    // Luật Lý lịch tư pháp Art. 48: at most 10 days from receipt.
    processingTime: days(10),
    fees: [{ code: 'phi_cung_cap', name: 'Phí cung cấp thông tin lý lịch tư pháp', amountVnd: 200_000 }],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu' },
      { code: 'giay_to_tuy_than', name: 'Bản chụp giấy tờ tùy thân của người được cấp Phiếu', originals: 0, copies: 1, fromDataStore: true },
    ],
    form: form(['loaiPhieu', 'mucDich'], {
      loaiPhieu: choice('Loại phiếu yêu cầu cấp', ['Phiếu số 1', 'Phiếu số 2']),
      mucDich: text('Mục đích sử dụng Phiếu'),
      soLuongPhieu: { type: 'integer', title: 'Số lượng Phiếu yêu cầu cấp', minimum: 1, maximum: 10, default: 1 },
      yeuCauXacNhanAnTich: { type: 'boolean', title: 'Yêu cầu xác nhận về việc có hoặc không có án tích' },
    }),
    result: { type: 'both', name: 'Phiếu lý lịch tư pháp' },
    legalBasis: [
      'Luật Lý lịch tư pháp số 28/2009/QH12',
      'Nghị định số 111/2010/NĐ-CP quy định chi tiết một số điều của Luật Lý lịch tư pháp',
      'Thông tư số 244/2016/TT-BTC quy định mức thu phí cung cấp thông tin lý lịch tư pháp', // verify before production
    ],
    approverRole: 'division_head',
  }),
  procedure({
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    processingTime: days(15),
    fees: [{ code: 'le_phi', name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ (theo nghị quyết HĐND tỉnh)', amountVnd: 75_000 }], // verify before production
    requirements: [
      { code: 'don_de_nghi', name: 'Đơn đề nghị cấp giấy phép xây dựng theo mẫu' },
      { code: 'quyen_su_dung_dat', name: 'Bản sao giấy tờ chứng minh quyền sử dụng đất', originals: 0, copies: 1, fromDataStore: true },
      { code: 'ban_ve', name: 'Hai bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', originals: 2 },
    ],
    form: form(['diaDiemXayDung', 'soThua', 'soToBanDo', 'dienTichXayDung', 'soTang'], {
      diaDiemXayDung: text('Địa điểm xây dựng'),
      soThua: text('Lô đất (thửa) số'),
      soToBanDo: text('Tờ bản đồ số'),
      dienTichXayDung: { type: 'number', title: 'Diện tích xây dựng tầng 1 (m²)', exclusiveMinimum: 0 },
      tongDienTichSan: { type: 'number', title: 'Tổng diện tích sàn (m²)', exclusiveMinimum: 0 },
      soTang: { type: 'integer', title: 'Số tầng', minimum: 1, maximum: 50 },
      chieuCao: { type: 'number', title: 'Chiều cao công trình (m)', exclusiveMinimum: 0 },
    }),
    result: { type: 'paper', name: 'Giấy phép xây dựng' },
    legalBasis: [
      'Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14',
      'Nghị định số 15/2021/NĐ-CP quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng',
    ],
  }),
  procedure({
    code: '1.012790',
    name: 'Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân',
    field: 'Đất đai',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    processingTime: days(15),
    fees: [{ code: 'phi_tham_dinh', name: 'Phí thẩm định hồ sơ (theo nghị quyết HĐND tỉnh)', amountVnd: 500_000 }], // verify before production
    requirements: [
      { code: 'don_de_nghi', name: 'Đơn xin chuyển mục đích sử dụng đất theo mẫu' },
      { code: 'giay_chung_nhan', name: 'Giấy chứng nhận quyền sử dụng đất', fromDataStore: true },
    ],
    form: form(['soThua', 'soToBanDo', 'dienTich', 'mucDichHienTai', 'mucDichXinChuyen'], {
      soThua: text('Thửa đất số'),
      soToBanDo: text('Tờ bản đồ số'),
      dienTich: { type: 'number', title: 'Diện tích xin chuyển mục đích (m²)', exclusiveMinimum: 0 },
      mucDichHienTai: text('Mục đích sử dụng đất hiện tại'),
      mucDichXinChuyen: text('Mục đích sử dụng đất xin chuyển sang'),
    }),
    result: { type: 'paper', name: 'Quyết định cho phép chuyển mục đích sử dụng đất' },
    legalBasis: [
      'Luật Đất đai số 31/2024/QH15',
      'Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai',
    ],
  }),
  procedure({
    code: '1.004194',
    name: 'Xác nhận thông tin về cư trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    processingTime: days(1),
    fees: [{ code: 'le_phi', name: 'Lệ phí (miễn)', amountVnd: 0 }],
    requirements: [{ code: 'to_khai', name: 'Tờ khai thay đổi thông tin cư trú (CT01)' }],
    form: form(['noiDungXacNhan'], {
      noiDungXacNhan: choice('Nội dung đề nghị xác nhận', ['Nơi thường trú', 'Nơi tạm trú', 'Thời gian cư trú', 'Thông tin cư trú khác']),
      lyDo: text('Lý do đề nghị xác nhận'),
    }),
    result: { type: 'both', name: 'Giấy xác nhận thông tin về cư trú' },
    legalBasis: [LUAT_CU_TRU, 'Nghị định số 154/2024/NĐ-CP quy định chi tiết Luật Cư trú', 'Thông tư số 55/2021/TT-BCA'], // verify before production
    approverRole: 'division_head',
  }),
  procedure({
    code: '1.004222',
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    // Luật Cư trú Art. 22: 7 working days.
    processingTime: days(7),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký thường trú', amountVnd: 20_000 }], // verify before production
    feeReductions: [
      // The share off for online filing is set by the provincial People's Council resolution: verify before production.
      {
        code: 'nop_truc_tuyen',
        name: 'Nộp hồ sơ trực tuyến: giảm 50% lệ phí',
        percent: 50,
        when: { channel: 'online' },
      },
    ],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai thay đổi thông tin cư trú (CT01)' },
      { code: 'cho_o_hop_phap', name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', fromDataStore: true },
    ],
    form: form(['diaChiThuongTru', 'quanHeChuHo'], {
      diaChiThuongTru: text('Địa chỉ đề nghị đăng ký thường trú'),
      hoTenChuHo: text('Họ, chữ đệm, tên chủ hộ'),
      quanHeChuHo: text('Quan hệ với chủ hộ'),
    }),
    result: { type: 'electronic', name: 'Thông báo kết quả đăng ký thường trú (cập nhật Cơ sở dữ liệu về cư trú)' },
    legalBasis: [LUAT_CU_TRU, 'Nghị định số 154/2024/NĐ-CP', 'Thông tư số 75/2022/TT-BTC quy định lệ phí đăng ký cư trú'], // verify before production
    approverRole: 'division_head',
  }),
  procedure({
    code: '1.001028',
    name: 'Cấp Giấy phép bán lẻ rượu',
    field: 'Lưu thông hàng hóa trong nước',
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    processingTime: days(10),
    fees: [{ code: 'phi_tham_dinh', name: 'Phí thẩm định cấp giấy phép kinh doanh bán lẻ rượu', amountVnd: 600_000 }], // verify before production
    requirements: [
      { code: 'don_de_nghi', name: 'Đơn đề nghị cấp Giấy phép bán lẻ rượu theo mẫu' },
      { code: 'dang_ky_kinh_doanh', name: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh', originals: 0, copies: 1, fromDataStore: true },
      { code: 'dia_diem', name: 'Bản sao hợp đồng thuê hoặc giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh', originals: 0, copies: 1 },
      { code: 'nha_cung_cap', name: 'Bản sao văn bản giới thiệu hoặc hợp đồng với thương nhân sản xuất, phân phối rượu', originals: 0, copies: 1 },
    ],
    form: form(['tenThuongNhan', 'diaDiemBanLe', 'loaiRuou'], {
      tenThuongNhan: text('Tên thương nhân'),
      maSoDangKy: text('Mã số doanh nghiệp hoặc số đăng ký hộ kinh doanh'),
      diaDiemBanLe: text('Địa điểm kinh doanh bán lẻ rượu'),
      loaiRuou: choice('Loại rượu kinh doanh', ['Rượu có độ cồn từ 5,5 độ trở lên', 'Rượu có độ cồn dưới 5,5 độ']),
    }),
    result: { type: 'paper', name: 'Giấy phép bán lẻ rượu' },
    legalBasis: [
      'Nghị định số 105/2017/NĐ-CP về kinh doanh rượu, sửa đổi bởi Nghị định số 17/2020/NĐ-CP',
      'Thông tư số 168/2016/TT-BTC quy định phí thẩm định kinh doanh hàng hóa hạn chế kinh doanh', // verify before production
    ],
  }),
  procedure({
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    field: HO_TICH,
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'toan_trinh',
    processingTime: hours(8),
    fees: [{ code: 'phi_ban_sao', name: 'Phí cấp bản sao trích lục (theo số bản)', amountVnd: 8000, quantityField: 'soBanSao' }], // verify before production
    requirements: [{ code: 'to_khai', name: 'Tờ khai cấp bản sao trích lục hộ tịch theo mẫu' }],
    form: form(['loaiTrichLuc', 'hoTenNguoiDuocCap', 'soBanSao'], {
      loaiTrichLuc: choice('Loại việc hộ tịch', ['Khai sinh', 'Kết hôn', 'Khai tử', 'Nhận cha, mẹ, con', 'Thay đổi, cải chính hộ tịch']),
      hoTenNguoiDuocCap: text('Họ, chữ đệm, tên người được cấp bản sao trích lục'),
      soDangKy: text('Số đăng ký (nếu biết)'),
      soBanSao: { type: 'integer', title: 'Số bản sao yêu cầu', minimum: 1, maximum: 20 },
    }),
    result: { type: 'both', name: 'Bản sao trích lục hộ tịch' },
    legalBasis: [LUAT_HO_TICH, ND_123, 'Thông tư số 281/2016/TT-BTC quy định phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch'], // verify before production
    approverRole: 'division_head',
  }),
  procedure({
    code: '1.001022',
    name: 'Đăng ký nhận cha, mẹ, con',
    field: HO_TICH,
    level: 'commune',
    competentUnitCodes: COMMUNES,
    onlineLevel: 'mot_phan',
    // Luật Hộ tịch Art. 25: 3 working days.
    processingTime: days(3),
    fees: [{ code: 'le_phi', name: 'Lệ phí đăng ký nhận cha, mẹ, con (theo nghị quyết HĐND tỉnh)', amountVnd: 15_000 }], // verify before production
    requirements: [
      { code: 'to_khai', name: 'Tờ khai đăng ký nhận cha, mẹ, con theo mẫu' },
      { code: 'chung_cu', name: 'Văn bản hoặc tài liệu chứng minh quan hệ cha, mẹ, con (kết quả giám định ADN …)' },
    ],
    form: form(['hoTenNguoiNhan', 'hoTenNguoiDuocNhan', 'quanHe'], {
      hoTenNguoiNhan: text('Họ, chữ đệm, tên người nhận'),
      hoTenNguoiDuocNhan: text('Họ, chữ đệm, tên người được nhận'),
      ngaySinhNguoiDuocNhan: date('Ngày sinh người được nhận'),
      quanHe: choice('Quan hệ', ['Cha – con', 'Mẹ – con']),
    }),
    result: { type: 'paper', name: 'Trích lục đăng ký nhận cha, mẹ, con' },
    legalBasis: [LUAT_HO_TICH, ND_123, TT_04],
  }),
];
