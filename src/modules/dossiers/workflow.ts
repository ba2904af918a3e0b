import { Role, type RoleCode } from '../../platform/auth/roles.js';
import type { DossierRow } from '../../platform/database/schema.js';
import type { ProcedureDocument, WorkflowStep } from '../procedures/procedures.schema.js';
import type { DossierViewer } from './dossier-access.js';
import { DossierAction, type DossierActionCode } from './dossier-status.js';

/** The workflow actions an official takes between steps (procedure transitions). */
const STEP_ACTIONS: DossierActionCode[] = [
  DossierAction.Forward,
  DossierAction.Return,
  DossierAction.Approve,
  DossierAction.Refuse,
  DossierAction.RequestSupplement,
];

export function findStep(document: ProcedureDocument, code: string | null): WorkflowStep | undefined {
  return code === null ? undefined : document.workflow.steps.find((step) => step.code === code);
}

export function firstStep(document: ProcedureDocument): WorkflowStep {
  return document.workflow.steps[0];
}

/** Target steps of `action` from `stepCode` in the procedure's internal workflow (quy trình nội bộ). */
export function targetsOf(document: ProcedureDocument, stepCode: string | null, action: DossierActionCode): WorkflowStep[] {
  if (stepCode === null) return [];
  return document.workflow.transitions
    .filter((t) => t.from === stepCode && t.action === action)
    .map((t) => findStep(document, t.to))
    .filter((step): step is WorkflowStep => step !== undefined);
}

/** Steps after `stepCode` in the order the procedure lists them: the remaining path for a late-risk forecast. */
export function remainingSteps(document: ProcedureDocument, stepCode: string | null): WorkflowStep[] {
  const index = document.workflow.steps.findIndex((step) => step.code === stepCode);
  return index < 0 ? [] : document.workflow.steps.slice(index);
}

/**
 * Which unit's holders of the step's role act on it: the step names a unit, or the one-stop desk acts at the
 * receiving unit (reception, returning results) and every other role at the competent unit.
 */
export function stepUnitId(step: WorkflowStep, dossier: Pick<DossierRow, 'unit_id' | 'receiving_unit_id'>, unitIdOfCode: (code: string) => number | undefined): number {
  if (step.unitCode) {
    const id = unitIdOfCode(step.unitCode);
    if (id !== undefined) return id;
  }
  return step.role === Role.OneStopOfficer ? dossier.receiving_unit_id : dossier.unit_id;
}

const SUPERVISORS: RoleCode[] = [Role.AgencyLeader, Role.DivisionHead];

/**
 * The actions the viewer may take on the dossier now (domain.md §4). Officials act when they hold the role the
 * current step asks for on its unit; leaders of the competent unit may also stop a dossier or apologise for it;
 * the applicant supplements and withdraws. Deny by default: anything not listed here is refused.
 */
export function allowedActions(dossier: DossierRow, document: ProcedureDocument, viewer: DossierViewer, lateRisk: boolean): DossierActionCode[] {
  const actsNow = dossier.current_role !== null && viewer.rolesAt(dossier.current_unit_id).has(dossier.current_role as RoleCode);
  const supervises = [...viewer.rolesAt(dossier.unit_id)].some((role) => SUPERVISORS.includes(role));
  const actions: DossierActionCode[] = [];
  switch (dossier.status) {
    case 'submitted':
      if (actsNow) actions.push(DossierAction.Receive, DossierAction.RequestSupplement, DossierAction.RefuseIntake);
      if (viewer.isApplicant) actions.push(DossierAction.Withdraw);
      break;
    case 'supplement_requested': {
      // The notice invites the applicant to supplement online or at the desk (Decree 61/2018 art. 15): the desk
      // records papers brought in person, also for applicants without a portal account.
      const atDesk = viewer.rolesAt(dossier.receiving_unit_id).has(Role.OneStopOfficer);
      if (viewer.isApplicant || atDesk) actions.push(DossierAction.Supplement);
      if (viewer.isApplicant) actions.push(DossierAction.Withdraw);
      if (actsNow || supervises) actions.push(DossierAction.Stop);
      break;
    }
    case 'received':
    case 'processing':
      if (actsNow) actions.push(...STEP_ACTIONS.filter((action) => targetsOf(document, dossier.current_step, action).length > 0));
      if (actsNow || supervises) {
        actions.push(DossierAction.Stop);
        if (lateRisk) actions.push(DossierAction.Apologise);
      }
      if (viewer.isApplicant) actions.push(DossierAction.Withdraw);
      break;
    case 'fee_due':
      // Nobody acts on a dossier whose fee is unpaid (payments contract): the applicant pays or withdraws; the
      // desk records a counter payment through the payments module, not through an action.
      if (viewer.isApplicant) actions.push(DossierAction.Withdraw);
      break;
    case 'result_ready':
      if (actsNow) actions.push(DossierAction.ReturnResult);
      break;
    default:
      break;
  }
  return actions;
}
