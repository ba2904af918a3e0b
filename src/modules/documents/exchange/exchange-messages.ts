import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../platform/errors/app-error.js';

/**
 * The two small messages besides the package (edXML status and recall notices): a recipient tells the sender how
 * it handles the document (received, assigned, done, destroyed), and a sender asks a recipient to recall its copy.
 */
const Id = Type.String({ minLength: 1, maxLength: 100 });
const StatusMessage = Type.Object({
  Status: Type.Object({
    DocumentId: Id,
    OrganId: Id,
    Code: Type.Union([Type.Literal('received'), Type.Literal('assigned'), Type.Literal('done'), Type.Literal('destroyed')]),
    Timestamp: Id,
  }),
});
const RecallMessage = Type.Object({
  Recall: Type.Object({ DocumentId: Id, OrganId: Id, Reason: Type.String({ maxLength: 2000 }), Timestamp: Id }),
});
export type StatusMessage = Static<typeof StatusMessage>['Status'];
export type RecallMessage = Static<typeof RecallMessage>['Recall'];

const build = (message: object) => new XMLBuilder({ ignoreAttributes: false, format: true, processEntities: true }).build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...message }) as string;

function parse<T>(schema: Parameters<typeof Value.Check>[0], xml: string): T {
  let parsed: unknown;
  try {
    parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(xml, true);
  } catch {
    throw new AppError('EXCHANGE_PACKAGE_INVALID', { reason: 'xml' });
  }
  if (!Value.Check(schema, parsed)) throw new AppError('EXCHANGE_PACKAGE_INVALID', { reason: Value.Errors(schema, parsed).First()?.path ?? 'shape' });
  return parsed as T;
}

export const buildStatusXml = (status: StatusMessage) => build({ Status: status });
export const parseStatusXml = (xml: string): StatusMessage => parse<Static<typeof StatusMessage>>(StatusMessage, xml).Status;
export const buildRecallXml = (recall: RecallMessage) => build({ Recall: recall });
export const parseRecallXml = (xml: string): RecallMessage => parse<Static<typeof RecallMessage>>(RecallMessage, xml).Recall;
