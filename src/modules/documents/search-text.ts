import type { DocumentRow } from '../../platform/database/schema.js';
import { foldVietnamese } from '../../platform/text/fold.js';
import { findDocumentType } from './document-vocabulary.js';
import { numberNotationOf } from './present-document.js';

type Searchable = Pick<DocumentRow, 'subject' | 'code_number' | 'code_notation' | 'organ_name' | 'type_code' | 'arrival_number' | 'signer_name'>;

/** Folded metadata (đ → d, no tone marks, lower case) kept on every change, for diacritic-insensitive search. */
export function searchTextOf(row: Searchable): string {
  return foldVietnamese(
    [row.subject, numberNotationOf(row), row.organ_name, findDocumentType(row.type_code)?.name, row.arrival_number === null ? null : `so den ${row.arrival_number}`, row.signer_name]
      .filter((part): part is string => typeof part === 'string' && part.length > 0)
      .join(' '),
  );
}
