/**
 * Folds Vietnamese text for accent- and case-insensitive matching: "Nguyễn Văn Đức" → "nguyen van duc".
 * NFD splits a letter from its tone and vowel marks so they can be dropped; đ/Đ is a letter of its own
 * (not a d with a mark), so it is mapped by hand. Whitespace runs collapse to one space.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes `%`, `_` and the escape character itself for a LIKE pattern used with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
