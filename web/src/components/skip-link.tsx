import { useTranslation } from 'react-i18next';

/** First focusable element: jumps keyboard users past the header (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="cqs-skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
