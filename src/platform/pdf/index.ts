export { createDocument, finishDocument, contentWidth, contentBottom, MARGINS, MM, type PdfDoc, type PdfRenderOptions } from './document.js';
export { FONT } from './fonts.js';
export { drawHeading, drawTitle, NATIONAL_HEADING, type AgencyHeading, type HeadingOptions } from './headings.js';
export { labelledLine, paragraph, numberedList, drawSignatures, drawPageNumbers, type Signature } from './blocks.js';
export { drawTable, type TableColumn, type TableOptions } from './table.js';
export { drawQrCode } from './qr-code.js';
export { formatLongDate, formatShortDate, formatLongDateTime, formatShortDateTime } from './local-date.js';
