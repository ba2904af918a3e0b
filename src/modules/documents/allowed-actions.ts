import { Permission } from '../../platform/auth/roles.js';
import type { DocumentRow } from '../../platform/database/schema.js';
import type { DocumentViewer } from './document-access.js';
import { Direction, DocumentAction, DocumentStatus, type DocumentActionCode } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';

/** Statuses that freeze a document: a recall stops everything but the clerk's confirmation of destruction. */
const FROZEN: string[] = [DocumentStatus.Recalled, DocumentStatus.Destroyed];

/** The actions the viewer may take on the document now (documents-api.md); deny by default. */
export function allowedActions(row: DocumentRow, viewer: DocumentViewer): DocumentActionCode[] {
  if (!viewer.mayRead) return [];
  const actions: DocumentActionCode[] = [];
  const clerk = viewer.can(Permission.DocumentRegister);
  const assigner = viewer.can(Permission.DocumentAssign);
  const status = row.status;
  if (row.direction === Direction.Incoming) {
    if (status === DocumentStatus.Received && clerk) actions.push(DocumentAction.Register);
    if ((status === DocumentStatus.Registered || status === DocumentStatus.Assigned) && assigner) actions.push(DocumentAction.Assign);
    if (status === DocumentStatus.Assigned && viewer.openAssignment) actions.push(DocumentAction.Complete);
    if (status === DocumentStatus.Done && clerk) actions.push(DocumentAction.File);
    if (status === DocumentStatus.Recalled && clerk) actions.push(DocumentAction.ConfirmDestroyed);
  } else {
    if (status === DocumentStatus.Drafting && viewer.isCreator) actions.push(DocumentAction.AddVersion, DocumentAction.Submit);
    if (status === DocumentStatus.InReview && viewer.pendingReview) actions.push(DocumentAction.Review);
    if (status === DocumentStatus.FormatCheck && clerk) actions.push(DocumentAction.FormatCheck);
    if (status === DocumentStatus.ToSign && viewer.isSigner) actions.push(DocumentAction.Sign, DocumentAction.Return);
    if (status === DocumentStatus.Signed && clerk) actions.push(DocumentAction.Issue);
    if (status === DocumentStatus.Issued && (clerk || viewer.isSigner)) actions.push(DocumentAction.Recall);
  }
  if (!FROZEN.includes(status)) {
    actions.push(DocumentAction.Comment);
    if (isConfidential(row.confidentiality) && (clerk || assigner)) actions.push(DocumentAction.GrantAccess);
  }
  return actions;
}
