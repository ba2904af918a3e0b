import { useEffect, useState } from 'react';
import { Badge, Button, Card, Flex, Form, Input, Space, Tabs, Typography } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDossiers } from '../api/dossiers';
import { fetchUnits } from '../api/units';
import { useMe } from '../auth/session';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { DossierTable } from '../office-dossiers/dossier-table';
import { RegisterModal } from '../office-dossiers/register-modal';
import { queryOf, useWorklistState, WORKLIST_KEYS, type Worklist } from '../office-dossiers/worklists';
import { UnitSelect } from '../units/unit-select';

/** Counter filing is the one-stop officer's job (Decree 61/2018 art. 15); others see the button only if they hold that role. */
const COUNTER_ROLES = new Set(['one_stop_officer']);

export function OfficeDossiersPage() {
  const { t } = useTranslation();
  usePageTitle(t('officeDossiers.title'));
  const me = useMe().data;
  const [state, update] = useWorklistState();
  const [registerOpen, setRegisterOpen] = useState(false);
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const unitList = units.data ?? [];
  const list = useQuery({
    queryKey: ['dossiers', queryOf(state, state.tab, state.page, state.pageSize)],
    queryFn: () => fetchDossiers(queryOf(state, state.tab, state.page, state.pageSize)),
    placeholderData: keepPreviousData,
  });
  // One small query per tab (a page of one) gives each worklist's count under the same search and unit. Each is an
  // audited read of an applicant's name on the server, so counts are kept for half a minute (actions refresh them).
  const counts = useQueries({
    queries: WORKLIST_KEYS.map((tab) => ({
      queryKey: ['dossiers', queryOf(state, tab, 1, 0)],
      queryFn: () => fetchDossiers(queryOf(state, tab, 1, 0)),
      staleTime: 30_000,
    })),
  });
  const canFileAtCounter = !!me?.roles.some((grant) => COUNTER_ROLES.has(grant.role));
  const unitIdOf = (code: string | undefined) => unitList.find((unit) => unit.code === code)?.id;
  const [form] = Form.useForm<{ q?: string; unitId?: number }>();
  // The address is the truth (Back, shared links): the fields follow it without being rebuilt under the user's typing.
  // Separate effects: the unit list arriving (or refreshing) must not put back the search text under the user's typing.
  useEffect(() => {
    form.setFieldsValue({ q: state.q });
  }, [form, state.q]);
  useEffect(() => {
    form.setFieldsValue({ unitId: units.data?.find((unit) => unit.code === state.unit)?.id });
  }, [form, state.unit, units.data]);
  const tabLabel = (tab: Worklist, index: number) => {
    const label = t(`officeDossiers.tabs.${tab}`);
    const count = counts[index]?.data?.total;
    return count === undefined ? label : (
      <Space size={6}>
        {label}
        <Badge count={count} showZero overflowCount={9999} color={tab === 'overdue' && count > 0 ? '#b3261e' : '#0b4fa8'} />
      </Space>
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1}>{t('officeDossiers.title')}</Typography.Title>
        <Space wrap>
          <Button icon={<BookOutlined aria-hidden="true" />} onClick={() => setRegisterOpen(true)}>
            {t('officeDossiers.register')}
          </Button>
          {canFileAtCounter && (
            <LinkButton type="primary" icon={<PlusOutlined aria-hidden="true" />} to="/office/dossiers/new">
              {t('officeDossiers.counterFiling')}
            </LinkButton>
          )}
        </Space>
      </Flex>
      <Card>
        <Form
          name="dossier-search"
          layout="inline"
          colon={false}
          className="cqs-filters"
          form={form}
        >
          <Form.Item label={t('officeDossiers.searchLabel')} name="q">
            {/* Diacritics are ignored by the server: "nguyen" finds "Nguyễn". */}
            <Input.Search
              placeholder={t('officeDossiers.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={(q) => update({ q: q.trim() || undefined, page: 1 })}
              style={{ width: 380 }}
            />
          </Form.Item>
          <Form.Item label={t('officeDossiers.unitFilter')} name="unitId">
            <UnitSelect
              units={unitList.filter((unit) => unit.status !== 'merged')}
              allowClear
              placeholder={t('officeDossiers.allUnits')}
              style={{ width: 300 }}
              onChange={(unitId) => update({ unit: unitList.find((unit) => unit.id === unitId)?.code, page: 1 })}
            />
          </Form.Item>
        </Form>
        <Tabs
          activeKey={state.tab}
          onChange={(tab) => update({ tab: tab as Worklist, page: 1 })}
          aria-label={t('officeDossiers.tabsLabel')}
          items={WORKLIST_KEYS.map((tab, index) => ({
            key: tab,
            label: tabLabel(tab, index),
            children:
              tab === state.tab ? (
                <>
                  <ProblemAlert error={list.error} />
                  <DossierTable
                    label={t(`officeDossiers.tabs.${tab}`)}
                    items={list.data?.items ?? []}
                    total={list.data?.total ?? 0}
                    loading={list.isFetching}
                    page={state.page}
                    pageSize={state.pageSize}
                    onPage={(page, pageSize) => update({ page, pageSize })}
                  />
                </>
              ) : null,
          }))}
        />
      </Card>
      <RegisterModal open={registerOpen} units={unitList} initialUnitId={unitIdOf(state.unit) ?? me?.unit?.id} onClose={() => setRegisterOpen(false)} />
    </>
  );
}
