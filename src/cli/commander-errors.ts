// Commander writes its usage errors in English; the Vietnamese line goes first (user-facing text rule).
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/required option '([^']+)' not specified/, (m) => `thiếu tùy chọn bắt buộc ${m[1]}`],
  [/option '([^']+)' argument missing/, (m) => `tùy chọn ${m[1]} thiếu giá trị`],
  [/unknown option '([^']+)'/, (m) => `không có tùy chọn ${m[1]}`],
  [/missing required argument '([^']+)'/, (m) => `thiếu đối số ${m[1]}`],
  [/unknown command '([^']+)'/, (m) => `không có lệnh ${m[1]}`],
  [/too many arguments/, () => 'thừa đối số'],
];

export function vietnameseUsageError(message: string): string {
  for (const [pattern, translate] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return `Lỗi: ${translate(match)}.`;
  }
  return 'Lỗi: lệnh không đúng cú pháp.';
}
