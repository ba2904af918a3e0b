import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierAction, DossierDetail } from '../api/dossiers';

const DANGER = new Set<DossierAction>(['refuse_intake', 'refuse', 'stop']);

export interface Conflict {
  detail: string;
  allowedActions: DossierAction[] | undefined;
}

interface Props {
  dossier: DossierDetail;
  conflict: Conflict | null;
  onPick: (action: DossierAction) => void;
}

/** One button per allowed action; a refused action (409) explains itself with what is allowed now. */
export function ActionBar({ dossier, conflict, onPick }: Props) {
  const { t } = useTranslation();
  const names = (actions: DossierAction[]) => actions.map((action) => t(`dossier.action.${action}`, { defaultValue: action })).join(', ');
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t('officeDossiers.detail.conflictTitle')}
          description={
            <>
              <div>{conflict.detail}</div>
              <div>
                {conflict.allowedActions && conflict.allowedActions.length > 0
                  ? t('officeDossiers.detail.conflictAllowed', { actions: names(conflict.allowedActions) })
                  : t('officeDossiers.detail.conflictNone')}
              </div>
              <div>{t('officeDossiers.detail.conflictRefreshed')}</div>
            </>
          }
        />
      )}
      {dossier.allowedActions.length === 0 ? (
        <Typography.Paragraph>{t('officeDossiers.detail.noActions')}</Typography.Paragraph>
      ) : (
        <Space wrap>
          {dossier.allowedActions.map((action, index) => (
            <Button key={action} type={index === 0 ? 'primary' : 'default'} danger={DANGER.has(action)} onClick={() => onPick(action)}>
              {t(`dossier.action.${action}`, { defaultValue: action })}
            </Button>
          ))}
        </Space>
      )}
    </>
  );
}
