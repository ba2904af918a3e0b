import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../api/documents';
import { ScrollRegion } from '../components/scroll-region';
import { ConfidentialityTag, Deadline, DocumentStatusTag, UrgencyTag } from './document-tags';
import { formatDay } from './days';

interface Props {
  label: string;
  items: DocumentSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

const CLOSED = new Set(['done', 'filed', 'destroyed', 'issued', 'recalled']);

/** The name a person reads a document by: its number and notation once it has one, else its arrival number. */
export function documentTitle(document: Pick<DocumentSummary, 'numberNotation' | 'arrivalNumber' | 'id'>): string {
  return document.numberNotation ?? (document.arrivalNumber ? `#${document.arrivalNumber}` : `#${document.id}`);
}

/** One page of a register or worklist: number, subject (link) with urgency/secrecy tags, issuer, dates, status. */
export function DocumentTable({ label, items, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DocumentSummary> = [
    { title: t('documents.field.arrivalNumber'), dataIndex: 'arrivalNumber', width: 80, render: (n: number | null) => n ?? t('common.none') },
    {
      title: t('documents.field.numberNotation'),
      key: 'number',
      render: (_, document) => <span style={{ whiteSpace: 'nowrap' }}>{document.numberNotation ?? t('common.none')}</span>,
    },
    {
      title: t('documents.field.subject'),
      key: 'subject',
      width: 360,
      render: (_, document) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/office/documents/${document.id}`}>{document.subject}</Link>
          <Flex gap={4} wrap>
            <Typography.Text type="secondary">{document.typeName}</Typography.Text>
            <UrgencyTag urgency={document.urgency} />
            <ConfidentialityTag confidentiality={document.confidentiality} />
          </Flex>
          {document.snippet && <Typography.Text type="secondary">{document.snippet}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('documents.field.organName'), key: 'organ', width: 220, render: (_, document) => document.organName ?? document.unitName },
    {
      title: t('documents.field.issuedDate'),
      key: 'dates',
      render: (_, document) => <span style={{ whiteSpace: 'nowrap' }}>{formatDay(document.issuedDate ?? document.arrivalDate)}</span>,
    },
    {
      title: t('documents.field.dueDate'),
      key: 'due',
      render: (_, document) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Deadline day={document.myDeadline ?? document.dueDate} open={!CLOSED.has(document.status)} />
        </span>
      ),
    },
    { title: t('documents.field.status'), key: 'status', render: (_, document) => <DocumentStatusTag document={document} /> },
  ];
  return (
    <ScrollRegion label={label}>
      <Table<DocumentSummary>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: t('documents.empty') }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: onPage,
        }}
        style={{ minWidth: 1000 }}
      />
    </ScrollRegion>
  );
}
