import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Empty, Row, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUnit, fetchUnits, type UnitInput } from '../api/units';
import type { Unit } from '../api/types';
import { usePageTitle } from '../components/use-page-title';
import { PageSpinner } from '../components/page-spinner';
import { ErrorPage } from '../components/error-page';
import { FormModal } from '../components/form-modal';
import { buildUnitForest, type UnitNode } from '../units/unit-tree';
import { UnitTypeTag } from '../units/unit-type-tag';
import { UnitDetail } from '../units/unit-detail';
import { UnitFields } from '../units/unit-fields';

function toTreeData(nodes: UnitNode[], mergedLabel: string): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: (
      <span className={unit.status === 'merged' ? 'cqs-unit-merged' : undefined}>
        {unit.name} <UnitTypeTag type={unit.type} />
        {unit.status === 'merged' && <span className="cqs-muted">({mergedLabel})</span>}
      </span>
    ),
    children: toTreeData(children, mergedLabel),
  }));
}

export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('units.title'));
  const { message } = App.useApp();
  const client = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [showMerged, setShowMerged] = useState(false);
  const [addingRoot, setAddingRoot] = useState(false);
  // Everything starts expanded (new units too); only what the user folds stays folded.
  const [folded, setFolded] = useState<Set<number>>(new Set());
  const treeData = useMemo(
    () => toTreeData(buildUnitForest(units.data ?? [], showMerged), t('units.merged')),
    [units.data, showMerged, t],
  );
  if (units.isPending) return <PageSpinner />;
  if (units.isError) return <ErrorPage error={units.error} />;
  const selected = units.data.find((unit) => unit.id === selectedId);
  const select = (unit: Unit) => setSelectedId(unit.id);

  return (
    <>
      <Typography.Title level={1}>{t('units.title')}</Typography.Title>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={11}>
          <Card
            title={<h2 className="cqs-card-title">{t('units.tree')}</h2>}
            extra={
              <Button size="small" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setAddingRoot(true)}>
                {t('units.addRoot')}
              </Button>
            }
          >
            <Checkbox checked={showMerged} onChange={(event) => setShowMerged(event.target.checked)} style={{ marginBottom: 12 }}>
              {t('units.showMerged')}
            </Checkbox>
            {treeData.length === 0 ? (
              <Empty description={t('units.empty')} />
            ) : (
              <Tree
                aria-label={t('units.tree')}
                treeData={treeData}
                expandedKeys={units.data.filter((unit) => !folded.has(unit.id)).map((unit) => unit.id)}
                onExpand={(keys) => {
                  const open = new Set(keys.map(Number));
                  setFolded(new Set(units.data.filter((unit) => !open.has(unit.id)).map((unit) => unit.id)));
                }}
                blockNode
                selectedKeys={selectedId === null ? [] : [selectedId]}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          {selected ? (
            <UnitDetail unit={selected} units={units.data} onCreated={select} />
          ) : (
            <Card>
              <Empty description={t('units.pick')} />
            </Card>
          )}
        </Col>
      </Row>
      <FormModal<Omit<UnitInput, 'parentId'>>
        name="unit-root"
        open={addingRoot}
        title={t('units.createTitle')}
        initialValues={{ type: 'province' }}
        onCancel={() => setAddingRoot(false)}
        onSubmit={async (values) => {
          const created = await createUnit({ ...values, parentId: null });
          await client.invalidateQueries({ queryKey: ['units'] });
          setAddingRoot(false);
          select(created);
          void message.success(t('units.created', { name: created.name }));
        }}
      >
        <UnitFields creating />
      </FormModal>
    </>
  );
}
