import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { LanguageCode } from '../i18n/i18n';

/** VI | EN in the header; the choice also sets Accept-Language on every API call. */
export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  return (
    <Segmented<LanguageCode>
      aria-label={t('language.label')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'vi'}
      style={dark ? { background: 'rgba(255,255,255,0.9)' } : undefined}
      options={[
        { value: 'vi', label: <span lang="vi" title={t('language.vi')}>VI</span> },
        { value: 'en', label: <span lang="en" title={t('language.en')}>EN</span> },
      ]}
      onChange={(language) => {
        void i18n.changeLanguage(language).then(() => client.invalidateQueries());
      }}
    />
  );
}
