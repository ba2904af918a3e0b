import { Flex, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { fetchProcedureVersion, type ProcedureVersion } from '../api/procedures';
import { fetchUnits } from '../api/units';
import { fetchRoles } from '../api/users';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { formatDateTime } from '../format/date';
import { ProcedureEditor } from '../procedure-admin/procedure-editor';
import '../procedure-admin/procedure-admin.css';

/** /office/procedures/new and /office/procedures/:code/edit. */
export function ProcedureAdminEditPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const procedure = useQuery({ queryKey: ['procedure-admin', code], queryFn: () => fetchProcedureVersion(code!), enabled: !!code });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoles });
  const current = procedure.data;
  const title = code ? t('procedureAdmin.editTitle', { code }) : t('procedureAdmin.newTitle');
  usePageTitle(title);

  const onSaved = (saved: ProcedureVersion, created: boolean) => {
    client.setQueryData(['procedure-admin', saved.code], saved);
    void client.invalidateQueries({ queryKey: ['procedure-admin-list'] });
    if (created) navigate(`/office/procedures/${encodeURIComponent(saved.code)}/edit`, { replace: true, state: { savedVersion: saved.version } });
  };

  if (code && procedure.isPending) return <PageSpinner />;
  if (code && procedure.error) return <ErrorPage error={procedure.error} />;
  const savedVersion = (location.state as { savedVersion?: number } | null)?.savedVersion;
  return (
    <>
      <LinkButton to="/office/procedures" type="link" icon={<ArrowLeftOutlined aria-hidden="true" />} style={{ paddingLeft: 0 }}>
        {t('procedureAdmin.backToList')}
      </LinkButton>
      <Typography.Title level={1}>{title}</Typography.Title>
      {current && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{current.name}</Typography.Text>
          <Tag bordered={false} color="blue">
            {t('procedureAdmin.versionTag', { version: current.currentVersion, date: formatDateTime(current.versionCreatedAt) })}
          </Tag>
          {current.status === 'retired' && <Tag color="default">{t('procedureAdmin.statusRetired')}</Tag>}
        </Flex>
      )}
      <ProcedureEditor
        key={code ?? 'new'}
        current={current}
        units={units.data ?? []}
        roles={roles.data ?? []}
        savedVersion={savedVersion}
        onSaved={onSaved}
      />
    </>
  );
}
