import type {
  ApologyInput,
  ControlSheetInput,
  DossierRegisterInput,
  ReceiptInput,
  RefusalInput,
  RegisterEntry,
  SupplementRequestInput,
} from '../../src/modules/forms/index.js';

/** Realistic inputs for the one-stop forms (Circular 01/2018 annex), set in Điện Biên. */
export const FIXED_CREATION_DATE = new Date('2026-03-09T01:00:00Z');

const issuer = {
  agency: { superiorName: 'UBND tỉnh Điện Biên', name: 'Trung tâm Phục vụ hành chính công tỉnh Điện Biên' },
  placeName: 'Điện Biên',
  // 09:15 on 9 March 2026 in Viet Nam.
  issuedAt: new Date('2026-03-09T02:15:00Z'),
};

const applicant = {
  fullName: 'Lò Thị Thanh',
  address: 'Bản Him Lam 2, phường Him Lam, tỉnh Điện Biên',
  phone: '0912 345 678',
  email: 'lothithanh@example.vn',
};

const procedureName = 'Đăng ký thành lập hộ kinh doanh';

export const sampleReceipt: ReceiptInput = {
  ...issuer,
  dossierCode: 'H18.01-260309-0007',
  publicUrl: 'https://dichvucong.dienbien.gov.vn',
  applicant,
  procedureName,
  documents: [
    { name: 'Giấy đề nghị đăng ký hộ kinh doanh', kind: 'Bản chính', count: 1 },
    { name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh', kind: 'Bản sao chứng thực', count: 1 },
    { name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', kind: 'Bản chính', count: 2 },
  ],
  dossierSets: 1,
  processingTime: '03 ngày làm việc',
  receivedAt: new Date('2026-03-09T02:15:00Z'),
  appointmentAt: new Date('2026-03-12T09:00:00Z'),
  resultDelivery: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Điện Biên',
  receivingOfficer: { fullName: 'Quàng Văn Sơn' },
};

export const sampleSupplementRequest: SupplementRequestInput = {
  ...issuer,
  dossierCode: 'H18.01-260309-0007',
  applicant,
  procedureName,
  receivedAt: new Date('2026-03-09T02:15:00Z'),
  missingItems: [
    'Biên bản họp thành viên hộ gia đình còn thiếu chữ ký của ông Lò Văn Bình.',
    'Giấy đề nghị ghi ngành, nghề kinh doanh chưa đúng mã ngành kinh tế Việt Nam (Quyết định 36/2025/QĐ-TTg).',
    'Bổ sung bản sao hợp đồng thuê địa điểm kinh doanh tại bản Noong Bua.',
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định của Nghị định 168/2025/NĐ-CP.',
  contact: { fullName: 'Quàng Văn Sơn', phone: '0215 3825 123' },
  guidingOfficer: { fullName: 'Quàng Văn Sơn' },
};

export const sampleRefusal: RefusalInput = {
  ...issuer,
  applicant,
  procedureName: 'Cấp phép khai thác khoáng sản',
  reasons: [
    'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân tỉnh Điện Biên.',
    'Khu vực đề nghị khai thác nằm trong khu vực cấm hoạt động khoáng sản.',
  ],
  receivingOfficer: { fullName: 'Quàng Văn Sơn' },
};

export const sampleApology: ApologyInput = {
  ...issuer,
  issuedAt: new Date('2026-03-11T08:00:00Z'),
  dossierCode: 'H18.01-260309-0007',
  applicant,
  procedureName,
  receivedAt: new Date('2026-03-09T02:15:00Z'),
  previousAppointmentAt: new Date('2026-03-12T09:00:00Z'),
  newAppointmentAt: new Date('2026-03-16T02:00:00Z'),
  reasonForDelay: 'Phải xác minh địa điểm kinh doanh tại xã Mường Phăng do sạt lở đường giao thông.',
  signer: { title: 'Giám đốc', fullName: 'Lường Thị Hương' },
};

export const sampleControlSheet: ControlSheetInput = {
  ...issuer,
  dossierCode: 'H18.01-260309-0007',
  applicant,
  procedureName,
  receivedAt: new Date('2026-03-09T02:15:00Z'),
  appointmentAt: new Date('2026-03-12T09:00:00Z'),
  leadUnitName: 'Sở Tài chính tỉnh Điện Biên',
  steps: [
    {
      name: 'Chuyển hồ sơ đến cơ quan giải quyết',
      handingOver: { unitName: 'Bộ phận Một cửa', personName: 'Quàng Văn Sơn' },
      receiving: { unitName: 'Phòng Đăng ký kinh doanh', personName: 'Điêu Chính Tuấn' },
      handedOverAt: new Date('2026-03-09T03:00:00Z'),
      deadline: new Date('2026-03-09T09:00:00Z'),
      timeliness: 'early',
    },
    {
      name: 'Thẩm định hồ sơ',
      handingOver: { unitName: 'Phòng Đăng ký kinh doanh', personName: 'Điêu Chính Tuấn' },
      receiving: { unitName: 'Lãnh đạo Sở Tài chính', personName: 'Lò Văn Mừng' },
      handedOverAt: new Date('2026-03-11T02:30:00Z'),
      deadline: new Date('2026-03-11T02:30:00Z'),
      timeliness: 'onTime',
    },
    {
      name: 'Phê duyệt kết quả',
      handingOver: { unitName: 'Lãnh đạo Sở Tài chính', personName: 'Lò Văn Mừng' },
      receiving: { unitName: 'Bộ phận Một cửa', personName: 'Quàng Văn Sơn' },
      handedOverAt: new Date('2026-03-12T08:00:00Z'),
      deadline: new Date('2026-03-12T04:00:00Z'),
      timeliness: 'late',
      note: 'Chờ xác minh thực địa',
    },
    {
      name: 'Trả kết quả',
      handingOver: { unitName: 'Bộ phận Một cửa', personName: 'Quàng Văn Sơn' },
      receiving: { unitName: 'Công dân', personName: 'Lò Thị Thanh' },
      handedOverAt: new Date('2026-03-12T08:30:00Z'),
    },
  ],
};

const TIMELINESS_CYCLE = ['early', 'onTime', 'late'] as const;
const NAMES = ['Lò Thị Thanh', 'Quàng Văn Dũng', 'Lường Thị Mai', 'Cầm Văn Hải', 'Tòng Thị Hoa', 'Điêu Văn Khánh'];

/** `count` dossiers, one an hour from 9 March 2026, codes H18.01-260309-0001… */
export function sampleRegisterEntries(count: number): RegisterEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = new Date(Date.UTC(2026, 2, 9, 1) + i * 3_600_000);
    return {
      dossierCode: `H18.01-260309-${String(i + 1).padStart(4, '0')}`,
      procedureName: i % 2 === 0 ? procedureName : 'Cấp bản sao trích lục khai sinh',
      dossierSets: 1,
      applicantName: NAMES[i % NAMES.length]!,
      applicantContact: `Phường Điện Biên Phủ, tỉnh Điện Biên; 0912 000 ${String(i).padStart(3, '0')}`,
      leadUnitName: i % 2 === 0 ? 'Sở Tài chính' : 'Sở Tư pháp',
      receivedAt,
      appointmentAt: new Date(receivedAt.getTime() + 3 * 86_400_000),
      resultAt: i % 4 === 3 ? undefined : new Date(receivedAt.getTime() + 2 * 86_400_000),
      returnedAt: i % 4 === 3 ? undefined : new Date(receivedAt.getTime() + 2 * 86_400_000 + 3_600_000),
      timeliness: i % 4 === 3 ? undefined : TIMELINESS_CYCLE[i % 3],
    };
  });
}

export function sampleRegister(count: number): DossierRegisterInput {
  return {
    ...issuer,
    issuedAt: new Date('2026-03-31T09:00:00Z'),
    periodFrom: new Date('2026-03-01T00:00:00+07:00'),
    periodTo: new Date('2026-03-31T00:00:00+07:00'),
    entries: sampleRegisterEntries(count),
  };
}
