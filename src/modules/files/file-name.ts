import path from 'node:path';
import { EXTENSIONS, type AllowedMediaTypeCode } from '../../platform/storage/media-type.js';

const MAX_NAME_LENGTH = 200;
// C0/C1 controls and the Unicode bidi overrides/isolates that can make "hoso‮fdp.exe" read as "hosoexe.pdf".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Reserved on Windows file systems, where a downloaded file ends up as often as not.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

const FALLBACK_BASE = 'tep-tin';

/**
 * The uploader's file name made safe to store and to offer back on download: no directories, no control or
 * direction-changing characters, NFC (one encoding of "ệ"), bounded length, and an extension that matches the
 * type detected from the content (a PNG sent as "giay-to.pdf" is offered back as "giay-to.pdf.png").
 */
export function sanitiseFileName(raw: string | undefined, mediaType: AllowedMediaTypeCode): string {
  const lastSegment = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(UNSAFE_CHARACTERS, '').replace(RESERVED_CHARACTERS, '_').trim();
  name = name.replace(/^\.+/, '').trim();
  const extensions = EXTENSIONS[mediaType];
  const extension = path.extname(name).toLowerCase();
  if (!extensions.includes(extension)) name = `${name || FALLBACK_BASE}${extensions[0]}`;
  const characters = [...name];
  if (characters.length > MAX_NAME_LENGTH) {
    const keep = path.extname(name);
    name = `${characters.slice(0, MAX_NAME_LENGTH - keep.length).join('')}${keep}`;
  }
  return name;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback `filename` for old clients and the exact
 * UTF-8 name in `filename*` (RFC 8187), so Vietnamese names survive.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
