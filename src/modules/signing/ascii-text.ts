/** "Nguyễn Văn Đức" → "Nguyen Van Duc": marks dropped (NFD), đ/Đ mapped by hand, case kept. */
export function foldPreservingCase(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
