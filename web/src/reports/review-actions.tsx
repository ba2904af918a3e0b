import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { reviewAssignment } from '../api/reports';
import { FormModal } from '../components/form-modal';

interface Props {
  assignment: { id: number; unit: { name: string }; currentVersion: number };
  /** Called after the server took the decision (the caller reloads what it shows). */
  onDone: () => void;
  size?: 'small' | 'middle';
}

/** The reviewer's decision on a submitted report: Trả lại with a comment (required), or Chấp nhận. */
export function ReviewActions({ assignment, onDone, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const unit = assignment.unit.name;

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['report-round'] });
    void client.invalidateQueries({ queryKey: ['report-assignment', assignment.id] });
    void client.invalidateQueries({ queryKey: ['report-rounds'] });
    onDone();
  };
  const stale = (error: unknown) => error instanceof ApiError && error.code === 'REPORT_CHANGED';

  const accept = async () => {
    setBusy(true);
    try {
      await reviewAssignment(assignment.id, { decision: 'accept', expectedVersion: assignment.currentVersion });
      void message.success(t('reports.round.accepted'));
    } catch (error) {
      void message.error(stale(error) ? t('reports.fill.changed') : error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <>
      <Space wrap>
        <Button size={size} icon={<RollbackOutlined aria-hidden="true" />} onClick={() => setReturning(true)} aria-label={`${t('reports.actions.return')}: ${unit}`}>
          {t('reports.actions.return')}
        </Button>
        <Popconfirm
          title={t('reports.actions.acceptConfirm', { unit })}
          okText={t('reports.actions.accept')}
          cancelText={t('common.cancel')}
          onConfirm={accept}
        >
          <Button size={size} type="primary" loading={busy} icon={<CheckOutlined aria-hidden="true" />} aria-label={`${t('reports.actions.accept')}: ${unit}`}>
            {t('reports.actions.accept')}
          </Button>
        </Popconfirm>
      </Space>
      <FormModal<{ comment: string }>
        name={`report-return-${assignment.id}`}
        open={returning}
        title={t('reports.round.returnTitle', { unit })}
        okText={t('reports.actions.return')}
        onCancel={() => setReturning(false)}
        onSubmit={async (values) => {
          await reviewAssignment(assignment.id, { decision: 'return', comment: values.comment.trim(), expectedVersion: assignment.currentVersion });
          void message.success(t('reports.round.returned'));
          setReturning(false);
          refresh();
        }}
      >
        <Typography.Paragraph>{t('reports.round.returnHelp')}</Typography.Paragraph>
        <Form.Item
          label={t('reports.round.returnComment')}
          name="comment"
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reports.round.returnComment') }) }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
