import { fill } from '../../platform/i18n/language.js';
import type { AgencyHeading, PdfRenderOptions } from '../../platform/pdf/index.js';

/**
 * What every one-stop form (Circular 01/2018/TT-VPCP annex) shares: who issues it, where and when.
 * The dossier lifecycle fills these from the receiving unit; the forms only render.
 */
export interface FormIssuer {
  agency: AgencyHeading;
  /** Địa danh for the date line, e.g. "Điện Biên Phủ". */
  placeName: string;
  /** Date printed in the heading. */
  issuedAt: Date;
}

/** Người nộp hồ sơ — the applicant as printed on a form (a citizen or an organisation's representative). */
export interface FormApplicant {
  fullName: string;
  address?: string;
  phone?: string;
  email?: string;
}

/**
 * Rendering options shared by all forms. `labels` overrides any printed wording: the annex templates
 * are expected to change (Decree 118/2025), so wording is configuration with Vietnamese defaults.
 */
export interface FormRenderOptions<Labels> extends PdfRenderOptions {
  labels?: Partial<Labels>;
}

export function resolveLabels<Labels extends object>(defaults: Labels, overrides: Partial<Labels> | undefined): Labels {
  return { ...defaults, ...overrides };
}

/** Fills `{name}` placeholders in a label; an unknown placeholder is left visible so a bad template shows. */
export function fillLabel(template: string, values: Record<string, string>): string {
  return fill(template, values);
}

/** Address of the public tracking page the receipt's QR code opens (domain.md §4 "Tracking"). */
export function trackingUrl(publicUrl: string, dossierCode: string): string {
  return `${publicUrl.replace(/\/$/, '')}/tracking/${encodeURIComponent(dossierCode)}`;
}
