import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnlineLevel } from '../api/procedures';

const COLORS: Record<OnlineLevel, string> = { toan_trinh: 'green', mot_phan: 'blue', none: 'default' };

/** Mức độ dịch vụ công trực tuyến (Decree 42/2022): toàn trình, một phần, or not online. */
export function OnlineLevelTag({ level }: { level: OnlineLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[level] ?? 'default'} bordered={false}>
      {t(`procedures.onlineLevels.${level}`)}
    </Tag>
  );
}
