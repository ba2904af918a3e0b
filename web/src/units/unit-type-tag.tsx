import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  province: 'red',
  department: 'blue',
  division: 'cyan',
  center: 'purple',
  commune: 'green',
  agency: 'gold',
};

export function UnitTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[type] ?? 'default'} bordered={false}>
      {t(`unitType.${type}`, { defaultValue: type })}
    </Tag>
  );
}
