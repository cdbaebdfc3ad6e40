import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../src/main/appOrigin.ts';
import { isExternalWebUrl } from '../../../src/main/isExternalWebUrl.ts';

describe('isAppUrl', () => {
  it('accepts pages of pressdesk://app, whatever the path, query or fragment', () => {
    expect(APP_ENTRY_URL).toBe('pressdesk://app/index.html');
    for (const url of [APP_ENTRY_URL, 'pressdesk://app/', 'pressdesk://app/x/y.js?q=1#/drafts']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses other hosts, ports, credentials, schemes and garbage', () => {
    for (const url of [
      'pressdesk://evil/index.html',
      'pressdesk://app:8080/index.html',
      'pressdesk://user@app/index.html',
      'pressdesk://app.evil.example/',
      'https://app/index.html',
      'file:///app/index.html',
      'about:blank',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isExternalWebUrl', () => {
  it('accepts http and https only', () => {
    expect(isExternalWebUrl('https://www.gov.cn/')).toBe(true);
    expect(isExternalWebUrl('http://example.com/a?b')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:press@example.gov.cn',
      'data:text/html,<script>1</script>',
      'pressdesk://app/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'smb://host/share',
      'nonsense',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});
