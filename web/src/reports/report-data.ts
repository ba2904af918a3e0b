import type { ReportData, ReportProblem, ReportTemplateDocument } from '../api/reports';

/** The figures as the API takes them: entered cells only (formula rows are the server's to compute), no empty cells. */
export function enteredData(document: ReportTemplateDocument, data: ReportData): ReportData {
  const result: ReportData = {};
  for (const row of document.rows) {
    if (row.formula) continue;
    const cells = Object.entries(data[row.code] ?? {}).filter(([, value]) => value !== null && value !== undefined && value !== '');
    if (cells.length > 0) result[row.code] = Object.fromEntries(cells);
  }
  return result;
}

/** Problems grouped by cell path (`/data/r2/c1`); a path naming no cell is kept under its own path for the summary. */
export function problemsByPath(problems: ReportProblem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const problem of problems) map.set(problem.path, [...(map.get(problem.path) ?? []), problem.message]);
  return map;
}
