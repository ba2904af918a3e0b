import { ancestorIds } from '../../platform/auth/access.js';
import type { Executor } from '../../platform/database/database.js';
import type { UnitRow } from '../../platform/database/schema.js';
import { contentWidth, createDocument, drawHeading, finishDocument, FONT, paragraph, type PdfDoc } from '../../platform/pdf/index.js';
import { placeNameOf } from '../dossiers/dossier-forms.js';
import { findDocumentType, OFFICIAL_LETTER } from './document-vocabulary.js';
import { unitsById } from './documents.repository.js';

export interface DraftContent {
  unitId: number;
  typeCode: string;
  /** CodeNotation the document will carry (`QĐ-STP`); the number stays blank until issue. */
  notation: string;
  subject: string;
  body: string;
  signer: { fullName: string; title: string | null };
  recipients: string[];
  at: Date;
}

/**
 * A draft typed as plain text, laid out as an administrative document (Decree 30/2020 appendix I): the unit under its
 * superior body and "Số: …/QĐ-STP" on the left, the national heading and the date on the right, the type name and
 * subject (or "V/v" for a Công văn), the body, the signer's block and the recipients ("Nơi nhận").
 */
export async function renderDraftPdf(db: Executor, content: DraftContent): Promise<Buffer> {
  const chain = await ancestorIds(db, content.unitId);
  const units = await unitsById(db, chain);
  const unit = units.get(content.unitId) as UnitRow;
  const parent = chain.length > 1 ? units.get(chain[1]) : undefined;
  const root = units.get(chain[chain.length - 1]) ?? unit;
  const type = findDocumentType(content.typeCode);
  const letter = content.typeCode === OFFICIAL_LETTER;
  const doc = createDocument({ title: content.subject });
  drawHeading(doc, {
    agency: { name: unit.name, ...(parent ? { superiorName: parent.name } : {}), documentNumber: `Số:        /${content.notation}` },
    placeName: placeNameOf(root.name),
    issuedAt: content.at,
  });
  if (letter) {
    doc.font(FONT.regular).fontSize(12).text(`V/v ${content.subject.replace(/^\s*(V\/v|Về việc)\s*/iu, '')}`, doc.page.margins.left, doc.y - 8, { width: contentWidth(doc) * 0.42, align: 'center' });
    doc.moveDown(1);
  } else {
    centred(doc, (type?.name ?? '').toUpperCase(), FONT.bold, 14);
    centred(doc, content.subject, FONT.bold, 13);
    doc.moveDown(1);
  }
  for (const text of content.body.split(/\r?\n\s*\r?\n|\r?\n/).map((p) => p.trim()).filter(Boolean)) paragraph(doc, text, { indent: 28 });
  signerBlock(doc, content);
  return finishDocument(doc);
}

function centred(doc: PdfDoc, text: string, font: string, size: number): void {
  doc.font(font).fontSize(size).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
}

function signerBlock(doc: PdfDoc, content: DraftContent): void {
  const left = doc.page.margins.left;
  const half = contentWidth(doc) / 2;
  if (doc.y + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 14;
  doc.font(FONT.boldItalic).fontSize(12).text('Nơi nhận:', left, top, { width: half });
  doc.font(FONT.regular).fontSize(11);
  for (const name of [...content.recipients, 'Lưu: VT.']) doc.text(`- ${name};`, left, doc.y, { width: half });
  const leftBottom = doc.y;
  doc.font(FONT.bold).fontSize(13).text((content.signer.title ?? '').toUpperCase(), left + half, top, { width: half, align: 'center' });
  doc.font(FONT.bold).fontSize(13).text(content.signer.fullName, left + half, doc.y + 70, { width: half, align: 'center' });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + 6;
}
