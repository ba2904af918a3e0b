import { useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { importCatalogue, type ImportReport } from '../api/procedures';

export type ImportOutcomeValue = { report: ImportReport; file: string } | { error: unknown; procedures: unknown[] } | { unreadable: string };

/** The export file (`{ exportedAt, procedures }`) or a bare array of procedure documents. */
function proceduresOf(text: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed;
    const list = (parsed as { procedures?: unknown } | null)?.procedures;
    return Array.isArray(list) ? list : undefined;
  } catch {
    return undefined;
  }
}

/** `/procedures/3/workflow/steps` → "1.001193 · /workflow/steps", naming the procedure the problem is in. */
function whereOf(path: string, procedures: unknown[]): string {
  const match = /^\/procedures\/(\d+)(\/.*)?$/.exec(path);
  if (!match) return path;
  const code = (procedures[Number(match[1])] as { code?: unknown } | undefined)?.code;
  const label = typeof code === 'string' ? code : `#${Number(match[1]) + 1}`;
  return match[2] ? `${label} · ${match[2]}` : label;
}

/** "Nhập danh mục": one transaction on the server — either the whole file is taken or nothing is. */
export function ImportCatalogueButton({ onOutcome: setOutcome }: { onOutcome: (outcome: ImportOutcomeValue) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const procedures = proceduresOf(await file.text());
      if (!procedures) return setOutcome({ unreadable: file.name });
      try {
        const report = await importCatalogue(procedures);
        setOutcome({ report, file: file.name });
        void client.invalidateQueries({ queryKey: ['procedure-admin-list'] });
        void client.invalidateQueries({ queryKey: ['procedure-admin'] });
      } catch (error) {
        setOutcome({ error, procedures });
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <Button icon={<UploadOutlined aria-hidden="true" />} loading={busy} onClick={() => input.current?.click()}>
        {t('procedureAdmin.import')}
      </Button>
    </>
  );
}

/** The import's report (created / updated / unchanged), or the problem with each field error located. */
export function ImportOutcome({ outcome, onClose }: { outcome: ImportOutcomeValue; onClose: () => void }) {
  const { t } = useTranslation();
  if ('report' in outcome) {
    return <Alert type="success" showIcon closable onClose={onClose} role="status" message={t('procedureAdmin.imported', { file: outcome.file, ...outcome.report })} />;
  }
  if ('unreadable' in outcome) {
    return <Alert type="error" showIcon closable onClose={onClose} role="alert" message={t('procedureAdmin.importUnreadable', { file: outcome.unreadable })} />;
  }
  const errors = outcome.error instanceof ApiError ? outcome.error.errors : [];
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      role="alert"
      message={outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}
      description={
        errors.length > 0 && (
          <ul className="cqs-field-problems">
            {errors.map((problem) => (
              <li key={problem.path + problem.message}>
                <code>{whereOf(problem.path, outcome.procedures)}</code> — {problem.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
