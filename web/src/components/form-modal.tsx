import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';
import { showProblemOnForm } from './form-problems';

interface Props<T> {
  /** Form name: prefixes field ids, so labels stay tied to the right inputs when several forms exist. */
  name: string;
  open: boolean;
  title: ReactNode;
  okText?: string;
  initialValues?: Partial<T>;
  onCancel: () => void;
  /** Resolves when the server accepted the values; a rejection shows its problem on the form. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<unknown>;
  children: ReactNode;
  width?: number;
}

/** A modal holding one form: labels above fields, server problems next to the fields they name. */
export function FormModal<T extends object>({ name, open, title, okText, initialValues, onCancel, onSubmit, children, width }: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await onSubmit(values, form);
      setProblem(null);
    } catch (error) {
      setProblem(showProblemOnForm(form, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        onCancel();
      }}
      confirmLoading={busy}
      destroyOnHidden
      width={width}
    >
      <ProblemAlert error={problem} />
      <Form<T> name={name} form={form} layout="vertical" requiredMark onFinish={submit} initialValues={initialValues} preserve={false}>
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
