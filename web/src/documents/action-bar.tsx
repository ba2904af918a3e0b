import { Alert, Button, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentAction, DocumentDetail } from '../api/documents';
import { LinkButton } from '../components/link-button';
import type { Conflict } from './act';

const DANGER = new Set<DocumentAction>(['recall', 'return', 'confirm_destroyed']);
/** Comments have their own box under the comments list. */
const IN_BAR = (action: DocumentAction) => action !== 'comment';

interface Props {
  document: DocumentDetail;
  conflict: Conflict | null;
  canReply: boolean;
  onPick: (action: DocumentAction) => void;
}

/** One button per allowed action (primary first), plus "Soạn văn bản trả lời" for a handler of an incoming document. */
export function ActionBar({ document, conflict, canReply, onPick }: Props) {
  const { t } = useTranslation();
  const actions = document.allowedActions.filter(IN_BAR);
  const names = (list: DocumentAction[]) => list.map((action) => t(`documents.action.${action}`, { defaultValue: action })).join(', ');
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t('documents.detail.conflictTitle')}
          description={
            <>
              <div>{conflict.detail}</div>
              <div>
                {conflict.allowed && conflict.allowed.length > 0
                  ? t('documents.detail.conflictAllowed', { actions: names(conflict.allowed) })
                  : t('documents.detail.conflictNone')}
              </div>
              <div>{t('documents.detail.conflictRefreshed')}</div>
            </>
          }
        />
      )}
      {actions.length === 0 && !canReply ? (
        <Typography.Paragraph>{t('documents.detail.noActions')}</Typography.Paragraph>
      ) : (
        <Space wrap>
          {actions.map((action, index) => (
            <Button key={action} type={index === 0 ? 'primary' : 'default'} danger={DANGER.has(action)} onClick={() => onPick(action)}>
              {t(`documents.action.${action}`, { defaultValue: action })}
            </Button>
          ))}
          {canReply && (
            <LinkButton icon={<EditOutlined aria-hidden="true" />} to={`/office/documents/new?replyTo=${document.id}`}>
              {t('documents.detail.reply')}
            </LinkButton>
          )}
        </Space>
      )}
    </>
  );
}
