import { Descriptions, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileUrl, type DossierDetail } from '../api/dossiers';
import { StatusTag, TimelinessTag } from '../dossiers';
import { formatDateTime } from '../format/date';

/** Status, timeliness, dates and the current step with its own deadline (Decree 61/2018 art. 22). */
export function DossierOverview({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const items = [
    { key: 'procedure', label: t('dossier.field.procedure'), children: dossier.procedureName, span: 2 },
    {
      key: 'status',
      label: t('dossier.field.status'),
      children: (
        <Space wrap size={4}>
          <StatusTag status={dossier.status} />
          <TimelinessTag timeliness={dossier.timeliness} />
        </Space>
      ),
    },
    { key: 'channel', label: t('dossier.field.channel'), children: t(`dossier.channel.${dossier.channel}`, { defaultValue: dossier.channel }) },
    { key: 'unit', label: t('dossier.field.unit'), children: dossier.unit.name },
    { key: 'receivingUnit', label: t('officeDossiers.detail.receivingUnit'), children: dossier.receivingUnit?.name ?? none },
    { key: 'submittedAt', label: t('dossier.field.submittedAt'), children: formatDateTime(dossier.submittedAt) },
    { key: 'receivedAt', label: t('dossier.field.receivedAt'), children: formatDateTime(dossier.receivedAt) },
    { key: 'dueAt', label: t('dossier.field.dueAt'), children: formatDateTime(dossier.dueAt) },
    ...(dossier.originalDueAt && dossier.originalDueAt !== dossier.dueAt
      ? [{ key: 'originalDueAt', label: t('officeDossiers.detail.originalDueAt'), children: formatDateTime(dossier.originalDueAt) }]
      : []),
    { key: 'currentStep', label: t('dossier.field.currentStep'), children: dossier.currentStep?.name ?? none },
    { key: 'stepDue', label: t('officeDossiers.detail.stepDue'), children: formatDateTime(dossier.currentStep?.dueAt) },
    ...(dossier.pausedAt ? [{ key: 'pausedAt', label: t('officeDossiers.detail.pausedAt'), children: formatDateTime(dossier.pausedAt) }] : []),
    ...(dossier.supplementRequests > 0
      ? [{ key: 'supplementRequests', label: t('officeDossiers.detail.supplementRequests'), children: String(dossier.supplementRequests) }]
      : []),
    ...(dossier.finishedAt ? [{ key: 'finishedAt', label: t('dossier.field.finishedAt'), children: formatDateTime(dossier.finishedAt) }] : []),
    ...(dossier.outcome ? [{ key: 'outcome', label: t('officeDossiers.detail.outcome'), children: t(`dossier.outcome.${dossier.outcome}`) }] : []),
    ...(dossier.resultFileId
      ? [
          {
            key: 'resultFile',
            label: t('officeDossiers.detail.resultFile'),
            children: (
              <Typography.Link href={fileUrl(dossier.resultFileId)} target="_blank" rel="noopener">
                {t('officeDossiers.detail.resultFile')}
              </Typography.Link>
            ),
          },
        ]
      : []),
    ...(dossier.rating
      ? [
          {
            key: 'rating',
            label: t('officeDossiers.detail.rating'),
            children: (
              <Flex vertical>
                <span>{t('officeDossiers.detail.ratingScore', { score: dossier.rating.score })}</span>
                {dossier.rating.comment && <Typography.Text type="secondary">{dossier.rating.comment}</Typography.Text>}
              </Flex>
            ),
          },
        ]
      : []),
    { key: 'version', label: t('officeDossiers.detail.procedureVersion'), children: String(dossier.procedureVersion) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
