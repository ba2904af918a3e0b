import { useState } from 'react';
import { App, Button, Checkbox, Form, Space } from 'antd';
import { ApartmentOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUnit, mergeUnit, moveUnit, updateUnit, type UnitInput } from '../api/units';
import type { Unit } from '../api/types';
import { FormModal } from '../components/form-modal';
import { UnitFields } from './unit-fields';
import { UnitSelect } from './unit-select';
import { subtreeIds } from './unit-tree';

type Dialog = 'child' | 'rename' | 'move' | 'merge' | null;

interface MergeValues {
  intoId: number;
  moveChildren?: boolean;
}

interface Props {
  unit: Unit;
  units: Unit[];
  onCreated: (unit: Unit) => void;
}

/** Add a sub-unit, rename, move, merge (with a confirmation naming both units). */
export function UnitActions({ unit, units, onCreated }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = async (text: string) => {
    await client.invalidateQueries({ queryKey: ['units'] });
    setDialog(null);
    void message.success(text);
  };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const active = unit.status !== 'merged';
  const hasChildren = units.some((candidate) => candidate.parentId === unit.id && candidate.status !== 'merged');
  const nameOf = (id: number) => units.find((candidate) => candidate.id === id)?.name ?? String(id);

  const confirmMerge = ({ intoId, moveChildren }: MergeValues) =>
    new Promise<void>((resolve, reject) => {
      modal.confirm({
        title: t('units.mergeTitle', { name: unit.name }),
        content: t('units.mergeConfirm', { name: unit.name, into: nameOf(intoId) }),
        okText: t('units.merge'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: async () => {
          try {
            await mergeUnit(unit.id, intoId, !!moveChildren);
            await done(t('units.mergedDone'));
            resolve();
          } catch (error) {
            reject(error);
          }
        },
        onCancel: () => resolve(),
      });
    });

  return (
    <>
      <Space wrap>
        <Button icon={<PlusOutlined aria-hidden="true" />} disabled={!active} onClick={() => setDialog('child')}>
          {t('units.addChild')}
        </Button>
        <Button icon={<EditOutlined aria-hidden="true" />} disabled={!active} onClick={() => setDialog('rename')}>
          {t('units.rename')}
        </Button>
        <Button icon={<ApartmentOutlined aria-hidden="true" />} disabled={!active} onClick={() => setDialog('move')}>
          {t('units.move')}
        </Button>
        <Button danger icon={<MergeCellsOutlined aria-hidden="true" />} disabled={!active} onClick={() => setDialog('merge')}>
          {t('units.merge')}
        </Button>
      </Space>

      <FormModal<Omit<UnitInput, 'parentId'>>
        name="unit-child"
        open={dialog === 'child'}
        title={t('units.createChildTitle', { parent: unit.name })}
        initialValues={{ type: unit.type === 'province' ? 'department' : 'division' }}
        onCancel={() => setDialog(null)}
        onSubmit={async (values) => {
          const created = await createUnit({ ...values, parentId: unit.id });
          await done(t('units.created', { name: created.name }));
          onCreated(created);
        }}
      >
        <UnitFields creating />
      </FormModal>

      <FormModal<{ name: string; shortName: string }>
        name="unit-rename"
        open={dialog === 'rename'}
        title={t('units.renameTitle', { name: unit.name })}
        initialValues={{ name: unit.name, shortName: unit.shortName }}
        onCancel={() => setDialog(null)}
        onSubmit={async (values) => {
          await updateUnit(unit.id, values);
          await done(t('common.saved'));
        }}
      >
        <UnitFields creating={false} />
      </FormModal>

      <FormModal<{ parentId: number }>
        name="unit-move"
        open={dialog === 'move'}
        title={t('units.moveTitle', { name: unit.name })}
        initialValues={{ parentId: unit.parentId ?? undefined }}
        onCancel={() => setDialog(null)}
        onSubmit={async (values) => {
          await moveUnit(unit.id, values.parentId);
          await done(t('units.moved'));
        }}
      >
        <Form.Item label={t('units.newParent')} name="parentId" rules={required(t('units.newParent'))}>
          <UnitSelect units={units} excluded={subtreeIds(units, unit.id)} />
        </Form.Item>
      </FormModal>

      <FormModal<MergeValues>
        name="unit-merge"
        open={dialog === 'merge'}
        title={t('units.mergeTitle', { name: unit.name })}
        okText={t('units.merge')}
        onCancel={() => setDialog(null)}
        onSubmit={confirmMerge}
      >
        <Form.Item label={t('units.mergeInto')} name="intoId" rules={required(t('units.mergeInto'))}>
          <UnitSelect units={units} excluded={subtreeIds(units, unit.id)} />
        </Form.Item>
        {hasChildren && (
          <Form.Item name="moveChildren" valuePropName="checked" extra={t('units.moveChildrenHint')}>
            <Checkbox>{t('units.moveChildren')}</Checkbox>
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
