import type { ThemeConfig } from 'antd';
import type { Locale } from '../../shared/domain/settings.ts';

/**
 * PressDesk's look: a restrained deep blue, generous type for long working days, square-ish
 * corners. Every text color is chosen for at least 4.5:1 contrast on its background (WCAG AA):
 * Ant Design's defaults for links, errors, placeholders and tertiary text fall short of it.
 */
const CJK_FONTS =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC"';
const LATIN_FONTS = '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans"';

/**
 * Chinese first for the Chinese interface. For English, Latin fonts come first: CJK fonts draw
 * quotes and apostrophes full-width (“run’ s”); Chinese titles still fall back to a CJK font.
 */
export const FONT_FAMILY_ZH = `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`;
export const FONT_FAMILY_EN = `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;

/** The theme for a language: the same but for the font order. */
export function themeFor(locale: Locale): ThemeConfig {
  return locale === 'en'
    ? { ...pressDeskTheme, token: { ...pressDeskTheme.token, fontFamily: FONT_FAMILY_EN } }
    : pressDeskTheme;
}

export const BRAND_BLUE = '#1d4f91';
export const HEADER_BG = '#17365e';

export const pressDeskTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY_ZH,
    fontSize: 15,
    borderRadius: 4,
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorSuccess: '#237a3b',
    colorWarning: '#9a5800',
    colorError: '#b42318',
    // Light status backgrounds, set by hand: derived from the dark seeds they come out grey.
    colorInfoBg: '#eef3fa',
    colorInfoBorder: '#b7c9e4',
    colorSuccessBg: '#edf7ef',
    colorSuccessBorder: '#a9d5b2',
    colorWarningBg: '#fff7e8',
    colorWarningBorder: '#efcf95',
    colorErrorBg: '#fdf1f0',
    colorErrorBorder: '#f0b6b0',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: {
      headerBg: HEADER_BG,
      headerColor: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f8',
    },
  },
};
