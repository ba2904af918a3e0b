import { useState } from 'react';
import { Button, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../api/documents';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format/date';

interface Props {
  document: DocumentDetail;
  onComment: (body: string) => Promise<void>;
}

/** Ý kiến trao đổi: comments on the document (on a draft, tied to the version they were written on). */
export function CommentsSection({ document, onComment }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const canComment = document.allowedActions.includes('comment');
  const send = async ({ body }: { body: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await onComment(body.trim());
      form.resetFields();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {document.comments.length === 0 ? (
        <Typography.Paragraph>{t('documents.detail.noComments')}</Typography.Paragraph>
      ) : (
        <List
          dataSource={document.comments}
          renderItem={(comment) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {comment.author}{' '}
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      · {formatDateTime(comment.createdAt)}
                      {comment.versionNo ? ` · ${t('documents.detail.version', { no: comment.versionNo })}` : ''}
                    </Typography.Text>
                  </span>
                }
                description={<span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{comment.body}</span>}
              />
            </List.Item>
          )}
        />
      )}
      {canComment && (
        <Form form={form} name="document-comment" layout="vertical" onFinish={(values) => void send(values)} style={{ marginTop: 12 }}>
          <ProblemAlert error={problem} />
          <Form.Item
            label={t('documents.detail.commentLabel')}
            name="body"
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('documents.detail.commentLabel') }) }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('documents.detail.addComment')}
          </Button>
        </Form>
      )}
    </>
  );
}
