import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../components/form-modal';
import { resolveReconciliationItem, type ReconciliationItem } from '../api/accountant';

/** The accountant writes down how a difference was settled; the server keeps it once (audited). */
export function ResolveItemModal({ item, onClose, onResolved }: { item: ReconciliationItem | null; onClose: () => void; onResolved: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note: string }>
      name="resolve-item"
      open={item !== null}
      title={t('accountant.reconciliation.resolveTitle', { txnRef: item?.txnRef ?? '' })}
      okText={t('accountant.reconciliation.resolve')}
      onCancel={onClose}
      onSubmit={async ({ note }) => {
        await resolveReconciliationItem(item!.id, note.trim());
        onResolved();
      }}
    >
      <Form.Item
        label={t('accountant.reconciliation.resolveNote')}
        name="note"
        rules={[{ required: true, whitespace: true, message: t('accountant.reconciliation.resolveNoteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
