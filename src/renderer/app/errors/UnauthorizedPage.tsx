import { Result, Typography } from 'antd';
import { useEffect } from 'react';
import { translate } from '../i18n/translate.ts';

/**
 * The whole window when the headless host refuses us (no token cookie). Shown in both
 * languages: the saved language cannot be read without access, and whoever sees this may have
 * opened the bare address by hand.
 */
export function UnauthorizedPage() {
  useEffect(() => {
    document.title = `${translate('zh-CN', 'unauthorized.title')} · ${translate('en', 'unauthorized.title')}`;
  }, []);
  return (
    <main style={{ maxWidth: 720, margin: '64px auto', padding: '0 24px' }}>
      <Result
        status="warning"
        title={
          <h1 style={{ fontSize: 24, margin: 0 }}>
            <span lang="zh-CN">{translate('zh-CN', 'unauthorized.title')}</span>
            <br />
            <span lang="en">{translate('en', 'unauthorized.title')}</span>
          </h1>
        }
        subTitle={
          <>
            <Typography.Paragraph lang="zh-CN" style={{ fontSize: 16 }}>
              {translate('zh-CN', 'unauthorized.body')}
            </Typography.Paragraph>
            <Typography.Paragraph lang="en" style={{ fontSize: 16 }}>
              {translate('en', 'unauthorized.body')}
            </Typography.Paragraph>
          </>
        }
      />
    </main>
  );
}
