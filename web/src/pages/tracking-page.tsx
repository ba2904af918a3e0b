import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchTracking } from '../api/dossiers';
import { usePageTitle } from '../components/use-page-title';
import { TrackingResult } from '../portal/tracking-result';
import '../portal/portal.css';

interface Lookup {
  code: string;
  identityNumber?: string;
}

/**
 * Tra cứu hồ sơ (domain.md §4): anyone, without signing in, by the dossier code — the receipt's QR code opens
 * `/tracking/<code>`. The applicant's ID number (optional) reveals their name; it stays out of the address bar.
 */
export function TrackingPage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.tracking.title'));
  const navigate = useNavigate();
  const code = (useParams().code ?? '').trim();
  const [form] = Form.useForm<Lookup>();
  const [identityNumber, setIdentityNumber] = useState<string | undefined>();
  const tracking = useQuery({
    queryKey: ['tracking', code, identityNumber ?? ''],
    queryFn: () => fetchTracking(code, identityNumber),
    enabled: code !== '',
  });

  const lookUp = (values: Lookup) => {
    const next = values.code.trim();
    setIdentityNumber(values.identityNumber?.trim() || undefined);
    if (next !== code) navigate(`/tracking/${encodeURIComponent(next)}`);
    else void tracking.refetch();
  };

  return (
    <Flex vertical gap={24} className="cqs-container cqs-narrow cqs-page">
      <div>
        <Typography.Title level={1}>{t('citizen.tracking.title')}</Typography.Title>
        <Typography.Paragraph>{t('citizen.tracking.intro')}</Typography.Paragraph>
      </div>
      <Card title={<h2 className="cqs-card-title">{t('citizen.tracking.lookUp')}</h2>}>
        <Form<Lookup> form={form} layout="vertical" initialValues={{ code }} onFinish={lookUp} requiredMark={false}>
          <Form.Item
            name="code"
            label={t('citizen.tracking.code')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('citizen.tracking.code').toLowerCase() }) }]}
          >
            <Input placeholder={t('citizen.tracking.codePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="identityNumber"
            label={t('citizen.tracking.identityNumber')}
            extra={t('citizen.tracking.identityHint')}
            rules={[{ pattern: /^[0-9]{12}$/, message: t('citizen.tracking.identityInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={tracking.isFetching}>
            {t('citizen.tracking.submit')}
          </Button>
        </Form>
      </Card>
      {code !== '' && <TrackingResult query={tracking} identityNumber={identityNumber} />}
    </Flex>
  );
}
