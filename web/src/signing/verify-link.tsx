import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import './signing.css';

/**
 * "Kiểm tra chữ ký số" in the public header (wide screens; a phone's header has no room for it) and in the
 * footer (every width), so anyone holding a signed document finds the verification page.
 */
export function VerifySignatureLink({ place }: { place: 'header' | 'footer' }) {
  const { t } = useTranslation();
  return (
    <Link to="/verify" className={place === 'header' ? 'cqs-verify-link cqs-verify-link-header' : 'cqs-verify-link cqs-verify-link-footer'}>
      <SafetyCertificateOutlined aria-hidden="true" /> {t('signing.verify.nav')}
    </Link>
  );
}
