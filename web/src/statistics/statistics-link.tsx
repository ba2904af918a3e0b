import { BarChartOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import './statistics.css';

/** "Thống kê" in the public header (wide screens) and the footer (every width): the public statistics page. */
export function StatisticsLink({ place }: { place: 'header' | 'footer' }) {
  const { t } = useTranslation();
  return (
    <Link to="/statistics" className={`cqs-statistics-link cqs-statistics-link-${place}`}>
      <BarChartOutlined aria-hidden="true" /> {t('statistics.publicLink')}
    </Link>
  );
}
