import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { Form } from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type ErrorSchema, type RJSFSchema, type RJSFValidationError, type UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export type SchemaFormData = Record<string, unknown>;
/** The same type under the name the portal's filing pages import. */
export type { SchemaFormData as FormData };

interface Props {
  /** JSON Schema (draft-07) of the application form — the same schema the server validates with Ajv. */
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  formData?: SchemaFormData;
  onChange?: (formData: SchemaFormData) => void;
  /** Called with valid data only: the schema is checked in the browser first, as the server will check it again. */
  onSubmit?: (formData: SchemaFormData) => void;
  disabled?: boolean;
  /** Errors the server found (e.g. mapped from a problem's `errors[]`), shown under their fields. */
  extraErrors?: ErrorSchema;
  /** Prefix of the generated field ids, so two forms on one page keep their labels apart. */
  idPrefix?: string;
  /** Text of the submit button; `false` renders none (a read-only preview). */
  submitText?: string | false;
}

// The server's form Ajv (src/modules/procedures/form-ajv.ts) adds every ajv-formats format too; the two must agree.
const validator = customizeValidator();

const TYPE_KEYS = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Ajv's English messages → the page language, keyed by the failing keyword and its parameters. */
function localiseError(t: TFunction, error: RJSFValidationError): RJSFValidationError {
  const params = (error.params ?? {}) as Record<string, unknown>;
  let message: string | undefined;
  switch (error.name) {
    case 'type': {
      const type = String(params.type ?? '');
      message = t('schemaForm.errors.type', { type: TYPE_KEYS.has(type) ? t(`schemaForm.types.${type}`) : type });
      break;
    }
    case 'format':
      message = t(`schemaForm.errors.formats.${String(params.format)}`, { defaultValue: t('schemaForm.errors.format', { format: String(params.format) }) });
      break;
    case 'required':
    case 'minLength':
    case 'maxLength':
    case 'pattern':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'enum':
    case 'const':
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'multipleOf':
      message = t(`schemaForm.errors.${error.name}`, { limit: params.limit, multipleOf: params.multipleOf });
      break;
    default:
      message = undefined;
  }
  if (!message) return error;
  return { ...error, message, stack: message };
}

const TRANSLATED: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'arrayItem',
  [TranslatableString.YesLabel]: 'yes',
  [TranslatableString.NoLabel]: 'no',
  [TranslatableString.CloseLabel]: 'close',
  [TranslatableString.ErrorsLabel]: 'errorsTitle',
  [TranslatableString.AddButton]: 'add',
  [TranslatableString.AddItemButton]: 'add',
  [TranslatableString.CopyButton]: 'copy',
  [TranslatableString.MoveDownButton]: 'moveDown',
  [TranslatableString.MoveUpButton]: 'moveUp',
  [TranslatableString.RemoveButton]: 'remove',
  [TranslatableString.NowLabel]: 'now',
  [TranslatableString.ClearLabel]: 'clear',
  [TranslatableString.AriaDateLabel]: 'pickDate',
  [TranslatableString.DecrementAriaLabel]: 'decrement',
  [TranslatableString.IncrementAriaLabel]: 'increment',
};

class RenderGuard extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * An application form (tờ khai) drawn from its JSON Schema with @rjsf and Ant Design: the administrator's
 * live preview and the portal's online filing use the same component, so citizens see what was previewed.
 */
export function SchemaForm({ schema, uiSchema, formData, onChange, onSubmit, disabled, extraErrors, idPrefix = 'root', submitText }: Props) {
  const { t } = useTranslation();
  const translateString = (text: TranslatableString, params?: string[]) => {
    const key = TRANSLATED[text];
    return key ? t(`schemaForm.strings.${key}`) : englishStringTranslator(text, params);
  };
  return (
    // A schema that the renderer cannot draw must not take the page down with it; keyed so a new schema retries.
    <RenderGuard key={JSON.stringify(schema)} fallback={(error) => <Alert type="error" showIcon message={t('schemaForm.renderFailed')} description={error.message} />}>
      <Form
        schema={schema as RJSFSchema}
        uiSchema={uiSchema as UiSchema | undefined}
        formData={formData}
        validator={validator}
        idPrefix={idPrefix}
        disabled={disabled}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        transformErrors={(errors) => errors.map((error) => localiseError(t, error))}
        translateString={translateString}
        onChange={(event: IChangeEvent) => onChange?.(event.formData as SchemaFormData)}
        onSubmit={(event: IChangeEvent) => onSubmit?.(event.formData as SchemaFormData)}
      >
        {submitText === false ? (
          <></>
        ) : (
          <Button type="primary" htmlType="submit" disabled={disabled}>
            {submitText ?? t('schemaForm.submit')}
          </Button>
        )}
      </Form>
    </RenderGuard>
  );
}
