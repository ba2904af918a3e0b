import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../platform/errors/app-error.js';

/**
 * The exchange package (gói tin), in the spirit of edXML (the national document exchange envelope): a header with
 * the sending and addressed organisations, the document's Appendix VI metadata (Decree 30/2020) and the route it
 * took (TraceHeaderList), then the files base64-encoded, the signed PDF first. Each file carries its SHA-256 so
 * the receiver can tell a damaged package from a good one.
 */
export interface PackageOrgan {
  organId: string;
  organName: string;
}

export interface PackageFile {
  name: string;
  mediaType: string;
  content: Buffer;
}

export interface ExchangePackage {
  documentId: string;
  from: PackageOrgan;
  to: PackageOrgan[];
  typeCode: string;
  urgency: string;
  confidentiality: string;
  /** Appendix VI keys (OrganId … DueDate) as the sender holds them. */
  metadata: Record<string, unknown>;
  traceHeaders: { organId: string; at: string }[];
  /** The signed PDF first, then the attachments. */
  files: PackageFile[];
}

const ROOT = 'edXML';
const ARRAY_PATHS = new Set([
  `${ROOT}.Header.MessageHeader.To`,
  `${ROOT}.Header.MessageHeader.Metadata.To`,
  `${ROOT}.Header.MessageHeader.Metadata.ToPlaces`,
  `${ROOT}.Header.TraceHeaderList.TraceHeader`,
  `${ROOT}.Attachments.Attachment`,
]);

/** null becomes an empty element; arrays stay repeated elements (XMLBuilder's convention). */
function forXml(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v)]));
  return value;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export function buildPackageXml(pkg: ExchangePackage): string {
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [ROOT]: {
      Header: {
        MessageHeader: {
          From: { OrganId: pkg.from.organId, OrganName: pkg.from.organName },
          To: pkg.to.map((organ) => ({ OrganId: organ.organId, OrganName: organ.organName })),
          DocumentId: pkg.documentId,
          DocumentType: { Code: pkg.typeCode },
          Urgency: pkg.urgency,
          Confidentiality: pkg.confidentiality,
          Metadata: forXml(pkg.metadata),
        },
        TraceHeaderList: { TraceHeader: pkg.traceHeaders.map((trace) => ({ OrganId: trace.organId, Timestamp: trace.at })) },
      },
      Attachments: {
        Attachment: pkg.files.map((file) => ({
          Name: file.name,
          ContentType: file.mediaType,
          Sha256: sha256(file.content),
          Content: file.content.toString('base64'),
        })),
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, processEntities: true }).build(document) as string;
}

const Text = Type.String({ minLength: 1, maxLength: 2000 });
const Organ = Type.Object({ OrganId: Text, OrganName: Text });
const Parsed = Type.Object({
  [ROOT]: Type.Object({
    Header: Type.Object({
      MessageHeader: Type.Object({
        From: Organ,
        To: Type.Array(Organ, { minItems: 1, maxItems: 500 }),
        DocumentId: Type.String({ minLength: 1, maxLength: 100 }),
        DocumentType: Type.Object({ Code: Type.String({ minLength: 1, maxLength: 10 }) }),
        Urgency: Type.String({ minLength: 1, maxLength: 20 }),
        Confidentiality: Type.String({ minLength: 1, maxLength: 20 }),
        Metadata: Type.Record(Type.String(), Type.Unknown()),
      }),
      TraceHeaderList: Type.Union([
        Type.Object({ TraceHeader: Type.Array(Type.Object({ OrganId: Text, Timestamp: Text })) }),
        Type.Literal(''),
      ]),
    }),
    Attachments: Type.Object({
      Attachment: Type.Array(Type.Object({ Name: Text, ContentType: Text, Sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), Content: Type.String({ minLength: 1 }) }), {
        minItems: 1,
        maxItems: 50,
      }),
    }),
  }),
});

const invalid = (reason: string) => new AppError('EXCHANGE_PACKAGE_INVALID', { reason });

/** Reads and checks a received package: shape, and every file against its SHA-256. Throws EXCHANGE_PACKAGE_INVALID. */
export function parsePackageXml(xml: string): ExchangePackage {
  let parsed: unknown;
  try {
    parsed = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      isArray: (_name, path) => typeof path === 'string' && ARRAY_PATHS.has(path),
    }).parse(xml, true);
  } catch {
    throw invalid('xml');
  }
  if (!Value.Check(Parsed, parsed)) {
    const first = Value.Errors(Parsed, parsed).First();
    throw invalid(first ? first.path : 'shape');
  }
  const root = parsed[ROOT];
  const header = root.Header.MessageHeader;
  const files = root.Attachments.Attachment.map((attachment, index) => {
    const content = Buffer.from(attachment.Content, 'base64');
    if (sha256(content) !== attachment.Sha256) throw invalid(`/Attachments/Attachment/${index}/Sha256`);
    return { name: attachment.Name, mediaType: attachment.ContentType, content };
  });
  const traces = root.Header.TraceHeaderList === '' ? [] : root.Header.TraceHeaderList.TraceHeader;
  return {
    documentId: header.DocumentId,
    from: { organId: header.From.OrganId, organName: header.From.OrganName },
    to: header.To.map((organ) => ({ organId: organ.OrganId, organName: organ.OrganName })),
    typeCode: header.DocumentType.Code,
    urgency: header.Urgency,
    confidentiality: header.Confidentiality,
    metadata: header.Metadata,
    traceHeaders: traces.map((trace) => ({ organId: trace.OrganId, at: trace.Timestamp })),
    files,
  };
}
