import type { ProvinceSeed, UnitSeed } from './province.schema.js';

/*
 * Điện Biên province as demo data, in the shape another province copies (src/modules/demo/province.schema.ts).
 * Organisation after the 2025 reform: departments merged on 1 March 2025, two-tier local government (province and
 * commune, no districts) since 1 July 2025.
 *
 * VERIFY BEFORE PRODUCTION: the agency identifiers (mã định danh điện tử, Decision 20/2020/QĐ-TTg) below follow
 * the pattern `000.00.NN.H18` for departments, `000.DD.NN.H18` for division DD of department NN and `000.NN.50.H18`
 * for communes/wards; they are placeholders in the right format, not the codes the province actually registered.
 */

const department = (nn: string, name: string, shortName: string, children: UnitSeed[] = []): UnitSeed => ({
  code: `000.00.${nn}.H18`,
  name,
  shortName,
  type: 'department',
  ...(children.length ? { children } : {}),
});

const division = (dd: string, nn: string, name: string, shortName: string): UnitSeed => ({
  code: `000.${dd}.${nn}.H18`,
  name,
  shortName,
  type: 'division',
});

// Commune-level documents carry the People's Committee's notation, e.g. `15/QĐ-UBND`.
const commune = (nn: string, name: string): UnitSeed => ({
  code: `000.${nn}.50.H18`,
  name: `UBND ${name}`,
  shortName: 'UBND',
  type: 'commune',
});

export const DIEN_BIEN_CODES = {
  province: '000.00.00.H18',
  officeOfPeoplesCommittee: '000.00.01.H18',
  justice: '000.00.05.H18',
  justiceOffice: '000.01.05.H18',
  justiceAdministration: '000.02.05.H18',
  serviceCentre: '000.00.30.H18',
  /** Phường Điện Biên Phủ: the demo commune with its own one-stop section (commune-level procedures). */
  demoCommune: '000.01.50.H18',
  /** Phường Mường Thanh: the second commune that files the demo periodic reports (issue 6). */
  secondCommune: '000.02.50.H18',
} as const;

export const DIEN_BIEN: ProvinceSeed = {
  province: {
    code: DIEN_BIEN_CODES.province,
    name: 'UBND tỉnh Điện Biên',
    shortName: 'UBND',
    type: 'province',
    children: [
      department('01', 'Văn phòng UBND tỉnh', 'VPUBND', [
        division('01', '01', 'Phòng Hành chính - Tổ chức', 'HCTC'),
        division('02', '01', 'Phòng Kiểm soát thủ tục hành chính', 'KSTT'),
      ]),
      {
        code: DIEN_BIEN_CODES.serviceCentre,
        name: 'Trung tâm Phục vụ hành chính công tỉnh Điện Biên',
        shortName: 'TTPVHCC',
        type: 'center',
      },
      department('02', 'Sở Nội vụ', 'SNV', [
        division('01', '02', 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ', 'TCBC'),
        division('02', '02', 'Phòng Lao động, việc làm và bảo hiểm xã hội', 'LĐVL'),
      ]),
      department('03', 'Thanh tra tỉnh', 'TTr'),
      department('04', 'Sở Dân tộc và Tôn giáo', 'SDTTG'),
      department('05', 'Sở Tư pháp', 'STP', [
        division('01', '05', 'Văn phòng Sở Tư pháp', 'VP'),
        division('02', '05', 'Phòng Hành chính tư pháp', 'HCTP'),
        division('03', '05', 'Phòng Bổ trợ tư pháp', 'BTTP'),
      ]),
      department('06', 'Sở Xây dựng', 'SXD'),
      department('07', 'Sở Tài chính', 'STC', [
        division('01', '07', 'Phòng Quản lý ngân sách', 'QLNS'),
        division('02', '07', 'Phòng Đăng ký kinh doanh', 'ĐKKD'),
      ]),
      department('08', 'Sở Công Thương', 'SCT'),
      department('09', 'Sở Nông nghiệp và Môi trường', 'SNNMT', [
        division('01', '09', 'Phòng Quản lý đất đai', 'QLĐĐ'),
      ]),
      department('10', 'Sở Y tế', 'SYT'),
      department('11', 'Sở Giáo dục và Đào tạo', 'SGDĐT'),
      department('12', 'Sở Khoa học và Công nghệ', 'SKHCN'),
      department('13', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'),
      commune('01', 'phường Điện Biên Phủ'),
      commune('02', 'phường Mường Thanh'),
      commune('03', 'phường Mường Lay'),
      commune('04', 'xã Mường Phăng'),
      commune('05', 'xã Nà Tấu'),
      commune('06', 'xã Thanh Nưa'),
      commune('07', 'xã Tuần Giáo'),
      commune('08', 'xã Mường Ảng'),
      commune('09', 'xã Tủa Chùa'),
      commune('10', 'xã Mường Chà'),
      commune('11', 'xã Mường Nhé'),
      commune('12', 'xã Nậm Pồ'),
    ],
  },
  // One demo account per role (domain.md §2); the names are invented, typical of the province's peoples.
  accounts: [
    {
      username: 'admin',
      fullName: 'Lò Văn Hùng',
      title: 'Quản trị hệ thống',
      email: 'admin@dienbien.example',
      role: 'admin',
      unitCode: DIEN_BIEN_CODES.province,
      includeSubtree: true,
    },
    {
      username: 'motcua',
      fullName: 'Quàng Thị Mai',
      title: 'Công chức tiếp nhận và trả kết quả',
      email: 'motcua@dienbien.example',
      role: 'one_stop_officer',
      unitCode: DIEN_BIEN_CODES.serviceCentre,
    },
    {
      username: 'chuyenvien',
      fullName: 'Nguyễn Thị Thu Hà',
      title: 'Chuyên viên',
      email: 'chuyenvien@dienbien.example',
      role: 'specialist',
      unitCode: DIEN_BIEN_CODES.justiceAdministration,
      grantUnitCode: DIEN_BIEN_CODES.justice,
      includeSubtree: true,
    },
    {
      username: 'truongphong',
      fullName: 'Lường Văn Dũng',
      title: 'Trưởng phòng Hành chính tư pháp',
      email: 'truongphong@dienbien.example',
      role: 'division_head',
      unitCode: DIEN_BIEN_CODES.justiceAdministration,
      // Approves the department's dossiers (e.g. judicial record certificates), so the grant is on the department.
      grantUnitCode: DIEN_BIEN_CODES.justice,
    },
    {
      username: 'lanhdao',
      fullName: 'Trần Quốc Khánh',
      title: 'Giám đốc Sở Tư pháp',
      email: 'lanhdao@dienbien.example',
      role: 'agency_leader',
      unitCode: DIEN_BIEN_CODES.justice,
      includeSubtree: true,
    },
    {
      // Reconciles the gateway's daily file and reports fees for the centre, which issues the receipts (issue 5).
      username: 'ketoan',
      fullName: 'Lường Thị Kim',
      title: 'Kế toán',
      email: 'ketoan@dienbien.example',
      role: 'accountant',
      unitCode: DIEN_BIEN_CODES.serviceCentre,
      includeSubtree: true,
    },
    {
      username: 'vanthu',
      fullName: 'Cà Thị Hương',
      title: 'Văn thư',
      email: 'vanthu@dienbien.example',
      role: 'records_clerk',
      unitCode: DIEN_BIEN_CODES.justiceOffice,
      grantUnitCode: DIEN_BIEN_CODES.justice,
      includeSubtree: true,
    },
    // Văn phòng UBND tỉnh's records clerk and chief: official documents flow between it and Sở Tư pháp (issue 4).
    {
      username: 'vanthu.vp',
      fullName: 'Lò Thị Phương',
      title: 'Văn thư Văn phòng UBND tỉnh',
      email: 'vanthu.vp@dienbien.example',
      role: 'records_clerk',
      unitCode: DIEN_BIEN_CODES.officeOfPeoplesCommittee,
      includeSubtree: true,
    },
    {
      username: 'lanhdao.vp',
      fullName: 'Mùa A Sử',
      title: 'Chánh Văn phòng UBND tỉnh',
      email: 'lanhdao.vp@dienbien.example',
      role: 'agency_leader',
      unitCode: DIEN_BIEN_CODES.officeOfPeoplesCommittee,
      includeSubtree: true,
    },
    // The one-stop section of a commune (Bộ phận Một cửa cấp xã): commune-level procedures such as birth registration.
    {
      username: 'motcua.dbp',
      fullName: 'Lò Thị Hoa',
      title: 'Công chức Văn phòng - Thống kê',
      email: 'motcua.dbp@dienbien.example',
      role: 'one_stop_officer',
      unitCode: DIEN_BIEN_CODES.demoCommune,
    },
    {
      username: 'tuphap.dbp',
      fullName: 'Tòng Văn Bình',
      title: 'Công chức Tư pháp - Hộ tịch',
      email: 'tuphap.dbp@dienbien.example',
      role: 'specialist',
      unitCode: DIEN_BIEN_CODES.demoCommune,
    },
    {
      username: 'chutich.dbp',
      fullName: 'Vừ A Dơ',
      title: 'Chủ tịch UBND phường',
      email: 'chutich.dbp@dienbien.example',
      role: 'agency_leader',
      unitCode: DIEN_BIEN_CODES.demoCommune,
    },
    // Periodic reports (Decree 09/2019): the province's reporting officer issues templates to every unit below and
    // reviews them; each demo commune has its own officer who fills and submits (issue 6).
    {
      username: 'tonghop',
      fullName: 'Đèo Thị Lan',
      title: 'Chuyên viên tổng hợp, Văn phòng UBND tỉnh',
      email: 'tonghop@dienbien.example',
      role: 'reporting_officer',
      unitCode: DIEN_BIEN_CODES.officeOfPeoplesCommittee,
      grantUnitCode: DIEN_BIEN_CODES.province,
      includeSubtree: true,
    },
    {
      username: 'tonghop.dbp',
      fullName: 'Lù Văn Thắng',
      title: 'Công chức Văn phòng - Thống kê phường Điện Biên Phủ',
      email: 'tonghop.dbp@dienbien.example',
      role: 'reporting_officer',
      unitCode: DIEN_BIEN_CODES.demoCommune,
    },
    {
      username: 'tonghop.mt',
      fullName: 'Sùng Thị Dua',
      title: 'Công chức Văn phòng - Thống kê phường Mường Thanh',
      email: 'tonghop.mt@dienbien.example',
      role: 'reporting_officer',
      unitCode: DIEN_BIEN_CODES.secondCommune,
    },
    // The province's leader reads the dashboards and the service index of every unit.
    {
      username: 'lanhdao.tinh',
      fullName: 'Lò Văn Mừng',
      title: 'Phó Chủ tịch UBND tỉnh',
      email: 'lanhdao.tinh@dienbien.example',
      role: 'agency_leader',
      unitCode: DIEN_BIEN_CODES.province,
      includeSubtree: true,
    },
    {
      username: 'congdan',
      fullName: 'Lò Thị Thanh',
      email: 'congdan@dienbien.example',
      role: 'citizen',
      // 011 = Điện Biên, 1 = woman born in the 20th century, 90 = 1990 (Circular 59/2021/TT-BCA).
      identityNumber: '011190004217',
    },
  ],
};
