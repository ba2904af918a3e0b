// Circular 01/2018/TT-VPCP annex forms 01–06, rendered to PDF; the dossier lifecycle calls these.
export { trackingUrl, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';
export { TIMELINESS, TIMELINESS_LABELS, type Timeliness } from './timeliness.js';
export { renderReceipt, RECEIPT_LABELS, type ReceiptInput, type ReceiptLabels, type ReceivedDocument } from './receipt.js';
export {
  renderSupplementRequest,
  SUPPLEMENT_REQUEST_LABELS,
  type SupplementRequestInput,
  type SupplementRequestLabels,
} from './supplement-request.js';
export { renderRefusal, REFUSAL_LABELS, type RefusalInput, type RefusalLabels } from './refusal.js';
export { renderApology, APOLOGY_LABELS, type ApologyInput, type ApologyLabels } from './apology.js';
export {
  renderControlSheet,
  CONTROL_SHEET_LABELS,
  type ControlSheetInput,
  type ControlSheetLabels,
  type ControlStep,
  type HandoverParty,
} from './control-sheet.js';
export {
  renderDossierRegister,
  DOSSIER_REGISTER_LABELS,
  type DossierRegisterInput,
  type DossierRegisterLabels,
  type RegisterEntry,
} from './dossier-register.js';
