import { List, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, FileRef } from '../api/documents';
import { formatDateTime } from '../format/date';

function FileLink({ file }: { file: FileRef }) {
  const { t } = useTranslation();
  return (
    <a href={file.url} target="_blank" rel="noopener" aria-label={t('documents.detail.open', { name: file.name })}>
      <FilePdfOutlined aria-hidden="true" /> {file.name}
    </a>
  );
}

/** Main file (the signed PDF once signed), the draft versions and the attachments, each opened in a new tab. */
export function FilesSection({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('documents.detail.mainFile')}
      </Typography.Title>
      {document.mainFile ? <FileLink file={document.mainFile} /> : <Typography.Paragraph>{t('documents.detail.noFiles')}</Typography.Paragraph>}
      {document.versions.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('documents.detail.versions')}
          </Typography.Title>
          <List
            size="small"
            dataSource={[...document.versions].reverse()}
            renderItem={(version) => (
              <List.Item>
                <Typography.Text strong>{t('documents.detail.version', { no: version.versionNo })}</Typography.Text>
                <span>
                  <FileLink file={version.file} />
                </span>
                <Typography.Text type="secondary">
                  {[version.createdBy, formatDateTime(version.createdAt), version.note].filter(Boolean).join(' · ')}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
      {document.attachments.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('documents.detail.attachments')}
          </Typography.Title>
          <List size="small" dataSource={document.attachments} renderItem={(file) => <List.Item><FileLink file={file} /></List.Item>} />
        </>
      )}
    </>
  );
}
