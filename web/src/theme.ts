import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG AA contrast (4.5:1 for text): Ant Design's default blue (#1677ff) and its
 * 45 % grey secondary text fall short on white, so both are darkened here.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b4fa8',
    colorLink: '#0b4fa8',
    colorError: '#b3261e',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0a2a52', headerHeight: 64 },
    Menu: { darkItemBg: '#0a2a52', darkSubMenuItemBg: '#0a2a52', darkItemSelectedBg: '#0b4fa8', darkItemColor: 'rgba(255,255,255,0.85)' },
  },
};
