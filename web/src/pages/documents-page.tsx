import { useEffect, useState } from 'react';
import { Badge, Button, Card, Flex, Form, Input, Result, Space, Tabs, Typography, DatePicker } from 'antd';
import { BookOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DocumentPermission, fetchDocuments, fetchVocabulary, searchDocuments } from '../api/documents';
import { fetchUnits } from '../api/units';
import { hasPermission, useMe } from '../auth/session';
import { FormSelect } from '../components/form-select';
import { LinkButton } from '../components/link-button';
import { ProblemAlert } from '../components/problem-alert';
import { usePageTitle } from '../components/use-page-title';
import { DocumentTable } from '../documents/document-table';
import { homeUnitId } from '../documents/home-unit';
import { RegisterPaperModal } from '../documents/register-paper-modal';
import { queryOf, tabsFor, useListState } from '../documents/views';
import '../documents/documents.css';

/** The search route is H3's (full text over metadata and PDF text); the box shows only where the server has it. */
function useSearchAvailable(): boolean {
  const probe = useQuery({
    queryKey: ['documents-search-available'],
    queryFn: () => searchDocuments({ view: 'all', q: 'a', page: 1, pageSize: 1 }).then(() => true, () => false),
    staleTime: Infinity,
  });
  return probe.data === true;
}

/** Văn bản: the unit's registers and each person's worklists, one tab per list the person may see. */
export function DocumentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('documents.title'));
  const me = useMe().data;
  const [state, update] = useListState();
  const [paperOpen, setPaperOpen] = useState(false);
  const tabs = tabsFor(me?.permissions ?? []);
  const tab = state.tab && tabs.includes(state.tab) ? state.tab : tabs[0];
  const searching = !!state.q;
  const searchAvailable = useSearchAvailable();
  const vocabulary = useQuery({ queryKey: ['documents-vocabulary'], queryFn: fetchVocabulary, staleTime: 600_000 });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const list = useQuery({
    queryKey: ['documents', searching ? 'search' : 'list', state.q, queryOf(state, tab ?? 'my_work')],
    queryFn: () => (searching ? searchDocuments({ ...queryOf(state, tab ?? 'my_work'), q: state.q }) : fetchDocuments(queryOf(state, tab ?? 'my_work'))),
    enabled: !!tab,
    placeholderData: keepPreviousData,
  });
  // pageSize=0 answers counts only and is not audited (contract), so each tab's badge costs one light query.
  const counts = useQueries({
    queries: tabs.map((view) => ({
      queryKey: ['documents', 'count', queryOf(state, view, 1, 0)],
      queryFn: () => fetchDocuments(queryOf(state, view, 1, 0)),
      staleTime: 30_000,
    })),
  });
  const [form] = Form.useForm<{ q?: string; typeCode?: string; period?: [Dayjs, Dayjs] }>();
  useEffect(() => {
    form.setFieldsValue({
      q: state.q,
      typeCode: state.typeCode,
      period: state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : undefined,
    });
  }, [form, state.q, state.typeCode, state.from, state.to]);

  if (!tab) {
    return <Result status="403" title={<h1 className="cqs-result-title">{t('documents.noAccessTitle')}</h1>} />;
  }
  const tabLabel = (view: string, index: number) => {
    const label = t(`documents.tabs.${view}`);
    const count = counts[index]?.data?.total;
    return count === undefined ? (
      label
    ) : (
      <Space size={6}>
        {label}
        <Badge count={count} showZero overflowCount={9999} color={view === 'overdue' && count > 0 ? '#b3261e' : '#0b4fa8'} />
      </Space>
    );
  };
  const table = (label: string) => (
    <>
      <ProblemAlert error={list.error} />
      <DocumentTable
        label={label}
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={state.page}
        pageSize={state.pageSize}
        onPage={(page, pageSize) => update({ page, pageSize })}
      />
    </>
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1}>{t('documents.title')}</Typography.Title>
        <Space wrap>
          {hasPermission(me, DocumentPermission.Register) && (
            <Button icon={<BookOutlined aria-hidden="true" />} onClick={() => setPaperOpen(true)}>
              {t('documents.registerPaper')}
            </Button>
          )}
          {hasPermission(me, DocumentPermission.Draft) && (
            <LinkButton type="primary" icon={<EditOutlined aria-hidden="true" />} to="/office/documents/new">
              {t('documents.newDraft')}
            </LinkButton>
          )}
        </Space>
      </Flex>
      <Card>
        <Form name="document-filters" layout="inline" colon={false} className="cqs-filters" form={form}>
          {searchAvailable && (
            <Form.Item label={t('documents.searchLabel')} name="q">
              <Input.Search
                placeholder={t('documents.searchPlaceholder')}
                allowClear
                enterButton={t('common.search')}
                onSearch={(q) => update({ q: q.trim() || undefined, page: 1 })}
                style={{ width: 360 }}
              />
            </Form.Item>
          )}
          <Form.Item label={t('documents.typeFilter')} name="typeCode">
            <FormSelect
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('documents.allTypes')}
              style={{ width: 200 }}
              options={(vocabulary.data?.types ?? []).map((type) => ({ value: type.code, label: type.name }))}
              onChange={(typeCode: string | undefined) => update({ typeCode, page: 1 })}
            />
          </Form.Item>
          <Form.Item label={t('documents.dateRange')} name="period">
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              placeholder={[t('documents.dateFrom'), t('documents.dateTo')]}
              onChange={(range) =>
                update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: 1 })
              }
            />
          </Form.Item>
        </Form>
        {searching ? (
          table(t('documents.searchLabel'))
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(next) => update({ tab: next as typeof tab, page: 1 })}
            aria-label={t('documents.tabsLabel')}
            className="cqs-document-tabs"
            items={tabs.map((view, index) => ({
              key: view,
              label: tabLabel(view, index),
              children: view === tab ? table(t(`documents.tabs.${view}`)) : null,
            }))}
          />
        )}
      </Card>
      <RegisterPaperModal
        open={paperOpen}
        units={units.data ?? []}
        initialUnitId={homeUnitId(me)}
        vocabulary={vocabulary.data}
        onClose={() => setPaperOpen(false)}
      />
    </>
  );
}
