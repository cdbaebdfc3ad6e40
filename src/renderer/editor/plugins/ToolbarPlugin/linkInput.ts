import { safeLinkUrl } from '../../../../shared/document/safeUrl.ts';

/**
 * The link a person typed, as a safe absolute URL, or undefined when it cannot be one. Typed
 * addresses are completed the way people write them: "www.gov.cn/zhengce" becomes
 * https://www.gov.cn/zhengce, "xinxi@tongzhou.gov.cn" becomes mailto:xinxi@tongzhou.gov.cn.
 * Everything else must be http, https or mailto (safeLinkUrl), so javascript:, data:, file:
 * and the like are refused.
 */
export function linkFromInput(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) return safeLinkUrl(`mailto:${text}`);
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[\w-]+(\.[\w-]+)+:\d/.test(text);
  if (!hasScheme && /^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]|$)/.test(text)) {
    return safeLinkUrl(`https://${text}`);
  }
  return safeLinkUrl(text);
}
