import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }} role="status">
      <Spin tip={t('common.loading')} size="large">
        <div style={{ padding: 48 }} />
      </Spin>
    </Flex>
  );
}
