import type { DocumentMeta } from '../../../shared/domain/documentMeta.ts';
import type { Finding, Location } from '../../../shared/content/finding.ts';
import type { DocumentSpans } from './documentSpans.ts';

/**
 * Link checks, offline: what can be told from the address itself. Whether the address answers
 * needs the network and is not checked here.
 *
 * - not an absolute http, https or mailto address (or an http(s) one without a host, or a
 *   mailto without an address) -> block: it is broken, or unsafe;
 * - http -> warn: readers' browsers mark it "not secure", and government sites are expected
 *   to serve https;
 * - link text that is itself an address (or an e-mail address) other than the target -> warn:
 *   readers trust what they see, so a mismatch looks like phishing, or is a pasting mistake.
 */
export function checkLinks(
  spans: Pick<DocumentSpans, 'blocks' | 'links'>,
  meta: DocumentMeta,
): Finding[] {
  const findings: Finding[] = [];
  for (const span of spans.links) {
    const location: Location = {
      kind: 'body',
      blockIndex: span.blockIndex,
      start: span.start,
      end: span.end,
    };
    const text = (spans.blocks[span.blockIndex] ?? '').slice(span.start, span.end);
    findings.push(...checkUrl(span.node.url, location, '正文中的链接', 'A link in the body'));
    const mismatch = textMismatch(text, span.node.url);
    if (mismatch)
      findings.push({
        checkId: 'link.text-mismatch',
        severity: 'warn',
        location,
        message: {
          zh: `链接文字“${text.trim()}”是一个网址，但实际指向 ${span.node.url}。请让文字与链接地址一致，或把文字改为说明性文字。`,
          en: `The link text "${text.trim()}" looks like an address, but the link goes to ${span.node.url}. Make the text match the target, or use descriptive text.`,
        },
      });
  }
  if (
    meta.kind === 'policy_interpretation' &&
    meta.policy.source === 'published' &&
    meta.policy.url
  )
    findings.push(
      ...checkUrl(
        meta.policy.url,
        { kind: 'field', field: 'policy.url' },
        '所解读政策的链接',
        'The link to the interpreted policy',
      ),
    );
  return findings;
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

function checkUrl(raw: string, location: Location, zh: string, en: string): Finding[] {
  const url = parse(raw);
  const valid =
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:'
      ? url.hostname !== ''
      : url.protocol === 'mailto:' && /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)));
  if (!valid)
    return [
      {
        checkId: 'link.invalid',
        severity: 'block',
        location,
        message: {
          zh: `${zh}“${raw.slice(0, 200)}”不是有效的网址（只能是 https、http 或 mailto 地址）。请改正或删除该链接。`,
          en: `${en} "${raw.slice(0, 200)}" is not a valid address (only https, http or mailto addresses are allowed). Correct or remove it.`,
        },
      },
    ];
  if (url.protocol === 'http:') {
    const secure = new URL(url.href);
    secure.protocol = 'https:';
    return [
      {
        checkId: 'link.insecure',
        severity: 'warn',
        location,
        message: {
          zh: `${zh}“${raw}”使用不加密的 http。请确认对方网站是否支持 https，支持的请改为 https 地址。`,
          en: `${en} "${raw}" uses unencrypted http. If the site supports https, use the https address.`,
        },
        suggestion: secure.href,
      },
    ];
  }
  return [];
}

const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const WEB_ADDRESS =
  /^(?:https?:\/\/|www\.)\S+$|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/** The comparable form of a web address: host without www., path without trailing slash. */
function comparable(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${url.search}${url.hash}`;
}

/** True when the text reads as an address that is not the target (scheme differences ignored). */
export function textMismatch(text: string, target: string): boolean {
  const shown = text.trim().normalize('NFKC');
  const to = parse(target);
  if (!to) return false;
  if (EMAIL.test(shown.replace(/^mailto:/i, '')))
    return !(
      to.protocol === 'mailto:' &&
      decodeURIComponent(to.pathname).toLowerCase() === shown.replace(/^mailto:/i, '').toLowerCase()
    );
  if (!WEB_ADDRESS.test(shown)) return false;
  const asUrl = parse(/^https?:\/\//i.test(shown) ? shown : `http://${shown}`);
  if (!asUrl) return false;
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return true;
  return comparable(asUrl) !== comparable(to);
}
