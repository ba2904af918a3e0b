/**
 * Generated applicants that look like Điện Biên's: Kinh family names in their national proportions and the
 * Thái, Hmông and Khơ Mú names common in the province, a middle name by sex, and a 12-digit citizen identity
 * number (Circular 07/2016/TT-BCA: province of birth 011 = Điện Biên, sex-and-century digit, year of birth).
 * Seeded, so every run loads the same people.
 */

/** mulberry32: a small seeded PRNG — reproducible data, not security. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

// Weights roughly follow the national shares (Nguyễn ≈ 38 %), then the province's Thái and Hmông families.
const FAMILY_NAMES: readonly [string, number][] = [
  ['Nguyễn', 30], ['Trần', 9], ['Lê', 8], ['Phạm', 6], ['Hoàng', 4], ['Vũ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2],
  ['Ngô', 1], ['Dương', 1], ['Phan', 2], ['Lò', 6], ['Quàng', 3], ['Lường', 3], ['Cà', 2], ['Vì', 2], ['Tòng', 2],
  ['Giàng', 3], ['Mùa', 2], ['Sùng', 2], ['Thào', 2], ['Lý', 1],
];
const FAMILY_TABLE = FAMILY_NAMES.flatMap(([name, weight]) => Array<string>(weight).fill(name));
const MIDDLE = { male: ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'A'], female: ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'] } as const;
const GIVEN = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Dế', 'Páo', 'Chứ'],
  female: ['Anh', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Thảo', 'Trang', 'Vân', 'Yến', 'Xuân', 'Mỷ', 'Dợ'],
} as const;
const STREETS = ['Võ Nguyên Giáp', 'Hoàng Văn Thái', 'Trần Đăng Ninh', 'Nguyễn Chí Thanh', 'Sùng Phái Sinh', '7/5', 'Phan Đình Giót'];
const WARDS = ['phường Mường Thanh', 'phường Điện Biên Phủ', 'phường Mường Lay', 'xã Thanh Nưa', 'xã Mường Phăng', 'xã Tủa Chùa'];

export interface Person {
  fullName: string;
  identityNumber: string;
  birthDate: string;
  phone: string;
  address: string;
}

export function randomPerson(random: () => number): Person {
  const female = random() < 0.5;
  const sex = female ? 'female' : 'male';
  const fullName = `${pick(random, FAMILY_TABLE)} ${pick(random, MIDDLE[sex])} ${pick(random, GIVEN[sex])}`;
  const year = 1950 + Math.floor(random() * 56);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const centuryAndSex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const serial = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
  return {
    fullName,
    identityNumber: `011${centuryAndSex}${String(year % 100).padStart(2, '0')}${serial}`,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    phone: `09${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
    address: `Số ${1 + Math.floor(random() * 200)} đường ${pick(random, STREETS)}, ${pick(random, WARDS)}, tỉnh Điện Biên`,
  };
}
