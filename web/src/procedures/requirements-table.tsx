import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureRequirement } from '../api/procedures';
import { ScrollRegion } from '../components/scroll-region';

/** Thành phần hồ sơ: each document with its originals/copies count and whether the citizen must bring it. */
export function RequirementsTable({ requirements }: { requirements: ProcedureRequirement[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProcedureRequirement> = [
    { title: '#', key: 'index', width: 48, render: (_, __, index) => index + 1 },
    {
      title: t('procedures.requirementName'),
      key: 'name',
      render: (_, requirement) => (
        <>
          <div>{requirement.name}</div>
          {requirement.templateFileUrl && (
            <a href={requirement.templateFileUrl} target="_blank" rel="noreferrer">
              {t('procedures.downloadTemplate', { name: requirement.name })}
            </a>
          )}
        </>
      ),
    },
    { title: t('procedures.originals'), dataIndex: 'originals', align: 'center', width: 112 },
    { title: t('procedures.copies'), dataIndex: 'copies', align: 'center', width: 112 },
    {
      title: t('procedures.requirementNotes'),
      key: 'notes',
      width: 220,
      render: (_, requirement) => (
        <>
          {requirement.mandatory ? <Tag color="red" bordered={false}>{t('procedures.mandatory')}</Tag> : <Tag bordered={false}>{t('procedures.optional')}</Tag>}
          {/* Information not entered twice (domain.md §4): the applicant may pick this paper from their data store. */}
          {requirement.fromDataStore && (
            <Tag color="green" bordered={false}>
              {t('procedures.fromDataStore')}
            </Tag>
          )}
        </>
      ),
    },
  ];
  return (
    <ScrollRegion label={t('procedures.requirements')}>
      <Table<ProcedureRequirement>
        rowKey="code"
        columns={columns}
        dataSource={requirements}
        pagination={false}
        locale={{ emptyText: t('procedures.noRequirements') }}
        style={{ minWidth: 720 }}
      />
    </ScrollRegion>
  );
}
