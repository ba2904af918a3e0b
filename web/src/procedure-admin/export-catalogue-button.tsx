import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exportCatalogue } from '../api/procedures';

/** Saves a Blob as a file through a temporary link (the export needs the session, so a plain href would not do). */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after the click returns; revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Xuất danh mục (JSON)": the whole catalogue, retired procedures included, as the import accepts it back. */
export function ExportCatalogueButton({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const catalogue = await exportCatalogue();
      saveFile(`danh-muc-thu-tuc-${catalogue.exportedAt.slice(0, 10)}.json`, JSON.stringify(catalogue, null, 2));
      onError(null);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden="true" />} loading={busy} onClick={() => void run()}>
      {t('procedureAdmin.export')}
    </Button>
  );
}
