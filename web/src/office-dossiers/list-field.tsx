import { Button, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  name: 'reasons' | 'items';
  legend: string;
  /** Label of one line, with `{{index}}` filled in. */
  lineLabel: (index: number) => string;
  addText: string;
}

/** A list of short texts (reasons, missing documents), one input per line, at least one line. */
export function ListField({ name, legend, lineLabel, addText }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="cqs-list-field">
      <legend>{legend}</legend>
      <Form.List
        name={name}
        rules={[
          {
            validator: async (_, lines: (string | undefined)[] | undefined) => {
              if (!lines || lines.filter((line) => line?.trim()).length === 0) throw new Error(t('officeDossiers.action.listRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={field.name}
                  label={lineLabel(index + 1)}
                  rules={[{ required: true, whitespace: true, message: t('common.required', { field: lineLabel(index + 1) }) }]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input maxLength={1000} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    icon={<DeleteOutlined aria-hidden="true" />}
                    aria-label={t('officeDossiers.action.remove', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                )}
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add('')}>
              {addText}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </fieldset>
  );
}
