import { useState } from 'react';
import { Button, Flex, List, Select, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DataStore } from '../api/dossiers';
import { uploadFile } from '../api/dossiers';
import type { ProcedureRequirement } from '../api/procedures';
import { formatDate } from '../format/date';
import { formatFileSize } from './format';
import './portal.css';

/** One chosen document of a requirement: uploaded now, or picked from the citizen's data store. */
export interface ChosenFile {
  fileId: string;
  name: string;
  size?: number;
  source: 'upload' | 'data_store';
}

export type ChosenFiles = Record<string, ChosenFile | undefined>;

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

interface Props {
  requirements: ProcedureRequirement[];
  files: ChosenFiles;
  onChange: (requirement: string, file: ChosenFile | undefined) => void;
  documents: DataStore['documents'];
  errors: Record<string, string[]>;
  disabled?: boolean;
}

function RequirementRow({
  requirement,
  file,
  onChange,
  documents,
  errors,
  disabled,
}: { requirement: ProcedureRequirement; file: ChosenFile | undefined; onChange: (file: ChosenFile | undefined) => void } & Pick<
  Props,
  'documents' | 'disabled'
> & { errors: string[] }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const errorId = `requirement-${requirement.code}-errors`;
  const nameId = `requirement-${requirement.code}-name`;
  // Kho dữ liệu (domain.md §4, information not entered twice): only for documents the procedure allows from it.
  const reusable = requirement.fromDataStore
    ? [...documents].sort((a, b) => Number(b.requirementCode === requirement.code) - Number(a.requirementCode === requirement.code))
    : [];
  const messages = [...errors, ...(uploadError ? [uploadError] : [])];

  const upload = async (picked: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      const stored = await uploadFile(picked);
      onChange({ fileId: stored.id, name: stored.name, size: stored.size, source: 'upload' });
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <List.Item>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong id={nameId}>
            {requirement.name}
          </Typography.Text>
          {requirement.mandatory ? (
            <Tag color="red" bordered={false}>
              {t('procedures.mandatory')}
            </Tag>
          ) : (
            <Tag bordered={false}>{t('procedures.optional')}</Tag>
          )}
        </Flex>
        {file ? (
          <Flex wrap gap={8} align="center">
            <FileOutlined aria-hidden="true" />
            <span>{file.name}</span>
            {file.size !== undefined && <Typography.Text type="secondary">({formatFileSize(file.size)})</Typography.Text>}
            {file.source === 'data_store' && (
              <Tag color="green" bordered={false}>
                {t('citizen.filing.fromDataStore')}
              </Tag>
            )}
            <Button
              size="small"
              icon={<DeleteOutlined aria-hidden="true" />}
              disabled={disabled}
              onClick={() => onChange(undefined)}
              aria-label={t('citizen.filing.removeFile', { name: file.name })}
            >
              {t('citizen.filing.remove')}
            </Button>
          </Flex>
        ) : (
          <Flex wrap gap={8} align="center">
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              disabled={disabled || uploading}
              // The file goes to POST /api/files here; antd's own request is not used.
              beforeUpload={(picked) => {
                void upload(picked);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden="true" />} loading={uploading} aria-describedby={nameId} disabled={disabled}>
                {t('citizen.filing.upload')}
              </Button>
            </Upload>
            {reusable.length > 0 && (
              <Select<string>
                style={{ minWidth: 320 }}
                placeholder={t('citizen.filing.pickFromDataStore')}
                aria-label={t('citizen.filing.pickFromDataStoreFor', { name: requirement.name })}
                disabled={disabled}
                value={null}
                onChange={(fileId) => {
                  const document = reusable.find((candidate) => candidate.fileId === fileId);
                  if (document) onChange({ fileId, name: document.name, source: 'data_store' });
                }}
                options={reusable.map((document) => ({
                  value: document.fileId,
                  label: t('citizen.filing.dataStoreDocument', {
                    name: document.name,
                    date: formatDate(document.createdAt),
                    origin: document.dossierCode ?? t('citizen.filing.profileOrigin'),
                  }),
                }))}
              />
            )}
            <Typography.Text type="secondary">{t('citizen.filing.fileTypes')}</Typography.Text>
          </Flex>
        )}
        {messages.length > 0 && (
          <div id={errorId} role="alert">
            {messages.map((message) => (
              <Typography.Text key={message} type="danger" style={{ display: 'block' }}>
                {message}
              </Typography.Text>
            ))}
          </div>
        )}
      </Flex>
    </List.Item>
  );
}

/** Thành phần hồ sơ: one row per required document, with upload, removal and the data-store choice. */
export function RequirementFiles({ requirements, files, onChange, documents, errors, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <List
      className="cqs-portal-list"
      bordered
      dataSource={requirements}
      locale={{ emptyText: t('procedures.noRequirements') }}
      renderItem={(requirement) => (
        <RequirementRow
          requirement={requirement}
          file={files[requirement.code]}
          onChange={(file) => onChange(requirement.code, file)}
          documents={documents}
          errors={errors[requirement.code] ?? []}
          disabled={disabled}
        />
      )}
    />
  );
}
