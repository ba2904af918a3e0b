import { useState } from 'react';
import { App, Flex, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchDocument, type DocumentAction, type DocumentDetail } from '../api/documents';
import { useMe } from '../auth/session';
import { ErrorPage } from '../components/error-page';
import { LinkButton } from '../components/link-button';
import { PageSpinner } from '../components/page-spinner';
import { usePageTitle } from '../components/use-page-title';
import { useDocumentAction, type Conflict } from '../documents/act';
import { ActionBar } from '../documents/action-bar';
import { DocumentActionModal } from '../documents/action-modal';
import { CommentsSection } from '../documents/comments-section';
import { DetailSection } from '../documents/detail-section';
import { ConfidentialityTag, Deadline, DocumentStatusTag, UrgencyTag } from '../documents/document-tags';
import { documentTitle } from '../documents/document-table';
import { FilesSection } from '../documents/files-section';
import { HistorySection } from '../documents/history-section';
import { MetadataView } from '../documents/metadata-view';
import { PeopleSection } from '../documents/people-section';
import { SignaturesSection } from '../documents/signatures-section';
import { SignDialog, type SignChoice } from '../signing/sign-dialog';

function DocumentNotFound() {
  const { t } = useTranslation();
  usePageTitle(t('documents.detail.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="cqs-result-title">{t('documents.detail.notFoundTitle')}</h1>}
      subTitle={t('documents.detail.notFoundText')}
      extra={
        <LinkButton type="primary" to="/office/documents">
          {t('documents.detail.back')}
        </LinkButton>
      }
    />
  );
}

const CLOSED = new Set(['done', 'filed', 'destroyed', 'issued', 'recalled']);

/** One document as its clerk, leader, handler or signer works on it: state, actions, metadata, files, signatures, people, comments, history. */
export function DocumentsDetailPage() {
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: ['document', id], queryFn: () => fetchDocument(id), retry: false, enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <DocumentNotFound />;
  if (query.isPending) return <PageSpinner />;
  // A document the official may not see answers 404 like one that does not exist (contract: access first).
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <DocumentNotFound />;
  if (query.isError) return <ErrorPage error={query.error} />;
  return <DocumentView document={query.data} />;
}

function DocumentView({ document: d }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe().data;
  const [action, setAction] = useState<DocumentAction | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const title = documentTitle(d);
  usePageTitle(t('documents.detail.pageTitle', { title }));

  const done = (next: DocumentDetail, taken: DocumentAction) => {
    client.setQueryData(['document', next.id], next);
    void client.invalidateQueries({ queryKey: ['documents'] });
    setAction(null);
    setConflict(null);
    void message.success(t('documents.detail.done', { action: t(`documents.action.${taken}`) }));
  };
  const refused = (next: Conflict) => {
    setAction(null);
    setConflict(next);
    void client.invalidateQueries({ queryKey: ['document', d.id] });
    void client.invalidateQueries({ queryKey: ['documents'] });
  };
  const { act } = useDocumentAction(d, done, refused);
  const sign = (choice: SignChoice) => act('sign', { credential: choice.credential, visible: choice.visible });
  // A handler of an incoming document drafts the reply (contract: assignees may draft it without document.draft).
  const canReply =
    d.direction === 'incoming' && !CLOSED.has(d.status) && d.assignments.some((assignment) => assignment.userId === me?.id && assignment.status === 'open');

  return (
    <Flex vertical gap={16}>
      <div>
        <LinkButton type="link" icon={<ArrowLeftOutlined aria-hidden="true" />} to="/office/documents" style={{ paddingInline: 0 }}>
          {t('documents.detail.back')}
        </LinkButton>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {d.typeName} {d.numberNotation ?? ''}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 8 }}>{d.subject}</Typography.Paragraph>
        <Space wrap size={8}>
          <DocumentStatusTag document={d} />
          <UrgencyTag urgency={d.urgency} />
          <ConfidentialityTag confidentiality={d.confidentiality} />
          <Typography.Text>
            {t(`documents.direction.${d.direction}`)} · {d.unitName}
          </Typography.Text>
          {d.arrivalNumber !== null && (
            <Typography.Text>
              · {t('documents.field.arrivalNumber')}: <strong>{d.arrivalNumber}</strong>
            </Typography.Text>
          )}
          {(d.myDeadline ?? d.dueDate) && (
            <Typography.Text>
              · {t('documents.field.dueDate')}: <Deadline day={d.myDeadline ?? d.dueDate} open={!CLOSED.has(d.status)} />
            </Typography.Text>
          )}
          {d.signerName && (
            <Typography.Text>
              · {t('documents.field.signer')}: {d.signerName}
            </Typography.Text>
          )}
        </Space>
        {d.inReplyTo && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('documents.detail.inReplyTo')}:{' '}
            <Link to={`/office/documents/${d.inReplyTo.id}`}>{[d.inReplyTo.numberNotation, d.inReplyTo.subject].filter(Boolean).join(' — ')}</Link>
          </Typography.Paragraph>
        )}
        {d.replies.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('documents.detail.replies')}:{' '}
            {d.replies.map((reply, index) => (
              <span key={reply.id}>
                {index > 0 && '; '}
                <Link to={`/office/documents/${reply.id}`}>{[reply.numberNotation, reply.subject].filter(Boolean).join(' — ')}</Link>
              </span>
            ))}
          </Typography.Paragraph>
        )}
      </div>
      <DetailSection id="document-actions" title={t('documents.detail.actions')}>
        <ActionBar document={d} conflict={conflict} canReply={canReply} onPick={setAction} />
      </DetailSection>
      <DetailSection id="document-files" title={t('documents.detail.files')}>
        <FilesSection document={d} />
      </DetailSection>
      <DetailSection id="document-signatures" title={t('documents.detail.signatures')}>
        <SignaturesSection document={d} />
      </DetailSection>
      <DetailSection id="document-metadata" title={t('documents.detail.metadata')}>
        <MetadataView document={d} />
      </DetailSection>
      <DetailSection id="document-people" title={t('documents.detail.people')}>
        <PeopleSection document={d} />
      </DetailSection>
      <DetailSection id="document-comments" title={t('documents.detail.comments')}>
        <CommentsSection document={d} onComment={(body) => act('comment', { body })} />
      </DetailSection>
      <DetailSection id="document-history" title={t('documents.detail.history')}>
        <HistorySection events={d.events} />
      </DetailSection>
      <DocumentActionModal document={d} action={action} onClose={() => setAction(null)} onAct={act} />
      <SignDialog
        open={action === 'sign'}
        title={t('documents.dialog.title', { action: t('documents.action.sign'), subject: d.subject })}
        onCancel={() => setAction(null)}
        onSubmit={sign}
      />
    </Flex>
  );
}
