import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Timeliness } from '../api/dossiers';

const COLORS: Record<Timeliness, string> = { early: 'green', onTime: 'blue', late: 'red', dueSoon: 'gold', overdue: 'red' };

/** Trước hạn / Đúng hạn / Quá hạn (finished), Sắp đến hạn / Quá hạn (open); the word carries the meaning, not the colour. */
export function TimelinessTag({ timeliness }: { timeliness: Timeliness | null | undefined }) {
  const { t } = useTranslation();
  if (!timeliness) return null;
  const icon =
    timeliness === 'overdue' || timeliness === 'late' ? (
      <ExclamationCircleOutlined aria-hidden="true" />
    ) : timeliness === 'dueSoon' ? (
      <ClockCircleOutlined aria-hidden="true" />
    ) : undefined;
  return (
    <Tag color={COLORS[timeliness] ?? 'default'} bordered={false} icon={icon}>
      {t(`dossier.timeliness.${timeliness}`, { defaultValue: timeliness })}
    </Tag>
  );
}
