import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types';
import { UnitTypeTag } from './unit-type-tag';
import { UnitActions } from './unit-actions';

interface Props {
  unit: Unit;
  units: Unit[];
  onCreated: (unit: Unit) => void;
}

export function UnitDetail({ unit, units, onCreated }: Props) {
  const { t } = useTranslation();
  const nameOf = (id: number | null) => (id === null ? t('units.noParent') : (units.find((u) => u.id === id)?.name ?? String(id)));
  return (
    <Card title={<h2 className="cqs-card-title">{unit.name}</h2>} extra={<UnitTypeTag type={unit.type} />}>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('units.code')}>
          <code>{unit.code}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('units.name')}>{unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('units.shortName')}>{unit.shortName}</Descriptions.Item>
        <Descriptions.Item label={t('units.parent')}>{nameOf(unit.parentId)}</Descriptions.Item>
        <Descriptions.Item label={t('units.status')}>
          {unit.status === 'merged' ? <Tag color="default">{t('units.merged')}</Tag> : <Tag color="green">{t('units.active')}</Tag>}
        </Descriptions.Item>
        {unit.mergedIntoId !== null && <Descriptions.Item label={t('units.mergedInto')}>{nameOf(unit.mergedIntoId)}</Descriptions.Item>}
        <Descriptions.Item label={t('units.userCount')}>{unit.userCount}</Descriptions.Item>
      </Descriptions>
      <UnitActions unit={unit} units={units} onCreated={onCreated} />
    </Card>
  );
}
