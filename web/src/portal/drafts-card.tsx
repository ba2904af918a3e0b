import { Button, Card, List, Popconfirm, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deleteDraft, fetchDrafts } from '../api/filing';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';
import './portal.css';

/** Hồ sơ đang soạn: drafts the citizen saved and may resume or throw away. */
export function DraftsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const drafts = useQuery({ queryKey: ['dossier-drafts'], queryFn: fetchDrafts });
  const remove = useMutation({
    mutationFn: deleteDraft,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dossier-drafts'] }),
  });
  return (
    <Card title={<h2 className="cqs-card-title">{t('citizen.drafts.title')}</h2>}>
      <ProblemAlert error={drafts.error ?? remove.error} />
      <List
        className="cqs-portal-list"
        loading={drafts.isPending}
        dataSource={drafts.data?.items ?? []}
        locale={{ emptyText: t('citizen.drafts.empty') }}
        renderItem={(draft) => (
          <List.Item
            actions={[
              <LinkButton key="resume" to={`/services/${encodeURIComponent(draft.procedureCode)}/file?draft=${encodeURIComponent(draft.id)}`}>
                {t('citizen.drafts.resume')}
              </LinkButton>,
              <Popconfirm
                key="delete"
                title={t('citizen.drafts.deleteConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(draft.id)}
              >
                <Button danger loading={remove.isPending && remove.variables === draft.id} aria-label={t('citizen.drafts.deleteNamed', { name: draft.procedureName })}>
                  {t('citizen.drafts.delete')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Typography.Text strong>{draft.procedureName}</Typography.Text>}
              description={t('citizen.drafts.updatedAt', { date: formatDateTime(draft.updatedAt) })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
