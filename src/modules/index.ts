import type { App } from '../app.js';
import { healthRoutes } from './health/health.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { oidcRoutes } from './auth/oidc.routes.js';
import { unitsRoutes } from './units/units.routes.js';
import { publicRoutes } from './public/public.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { proceduresRoutes } from './procedures/procedures.routes.js';
import { filesRoutes } from './files/files.routes.js';
import { dossiersRoutes } from './dossiers/dossiers.routes.js';
import { dossierFormsRoutes } from './dossiers/dossier-forms.routes.js';
import { applicantRoutes } from './dossiers/applicant.routes.js';
import { paymentsRoutes } from './payments/payments.routes.js';
import { reconciliationRoutes } from './payments/reconciliation.routes.js';
import { signingRoutes } from './signing/signing.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { documentSearchRoutes } from './documents/search/search.routes.js';
import { exchangeRoutes } from './documents/exchange/exchange.routes.js';
import { workFilesRoutes } from './documents/work-files/work-files.routes.js';
import { registersRoutes } from './documents/registers/registers.routes.js';

/** Every domain module's routes; each lives in src/modules/<domain>/<domain>.routes.ts. */
export async function registerModules(app: App): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(unitsRoutes);
  await app.register(publicRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(notificationsRoutes);
  await app.register(calendarRoutes);
  await app.register(proceduresRoutes);
  await app.register(filesRoutes);
  await app.register(dossiersRoutes);
  await app.register(dossierFormsRoutes);
  await app.register(applicantRoutes);
  await app.register(paymentsRoutes);
  await app.register(reconciliationRoutes);
  await app.register(signingRoutes);
  await app.register(documentsRoutes);
  await app.register(documentSearchRoutes);
  await app.register(exchangeRoutes);
  await app.register(workFilesRoutes);
  await app.register(registersRoutes);
}
