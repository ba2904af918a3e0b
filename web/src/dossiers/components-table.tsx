import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileUrl, type DossierComponent } from '../api/dossiers';
import { ScrollRegion } from '../components/scroll-region';

/** The documents of a dossier, each with a link to its file (the server checks who may read it). */
export function ComponentsTable({ components }: { components: DossierComponent[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DossierComponent> = [
    { title: t('dossier.components.requirement'), dataIndex: 'requirementName' },
    {
      title: t('dossier.components.file'),
      key: 'file',
      render: (_, component) =>
        component.fileId ? (
          <Typography.Link href={fileUrl(component.fileId)} target="_blank" rel="noopener" aria-label={t('dossier.components.open', { name: component.fileName ?? '' })}>
            {component.fileName ?? component.fileId}
          </Typography.Link>
        ) : (
          t('dossier.components.paperOnly')
        ),
    },
    {
      title: t('dossier.components.source'),
      dataIndex: 'source',
      render: (source: DossierComponent['source']) => <Tag bordered={false}>{t(`dossier.source.${source}`, { defaultValue: source })}</Tag>,
    },
    {
      title: t('dossier.components.digitised'),
      dataIndex: 'digitised',
      render: (digitised: boolean) => (digitised ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <ScrollRegion label={t('dossier.components.title')}>
      <Table<DossierComponent>
        rowKey={(component, index) => `${component.requirementCode}:${component.fileId ?? index}`}
        columns={columns}
        dataSource={components}
        pagination={false}
        size="small"
        locale={{ emptyText: t('dossier.components.empty') }}
        style={{ minWidth: 640 }}
      />
    </ScrollRegion>
  );
}
