/**
 * What draft/add does to article HTML, as far as the sandbox plays it: <script> and <style>
 * removed; <img> whose src was not given by media/uploadimg removed (WeChat shows only its
 * own images). The class/id stripping the channel note mentions is [unverified] and not
 * played: PressDesk's renderer uses inline styles only either way.
 */
export function cleanArticleContent(
  html: string,
  isOwnImage: (src: string) => boolean,
): { html: string; strippedImages: number } {
  let strippedImages = 0;
  const cleaned = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = src?.[1] ?? src?.[2] ?? src?.[3];
      if (value !== undefined && isOwnImage(decodeEntities(value))) return tag;
      strippedImages++;
      return '';
    });
  return { html: cleaned, strippedImages };
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The first `count` characters of the text of some HTML (WeChat's default digest: 54). */
export function leadingText(html: string, count: number): string {
  const text = decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(text).slice(0, count).join('');
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The public page of a sandbox article (its article_url), so a trainee can open what was
 * "published". The body is the cleaned article HTML, as WeChat would show it.
 */
export function articlePage(
  article: { title: string; author: string; content: string } | null,
): string {
  if (article === null) {
    return '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p>该内容已被发布者删除</p></body></html>';
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(article.title)}</title></head><body style="margin:0 auto;max-width:677px;padding:20px 16px;"><h1 style="font-size:22px;line-height:1.4;">${escape(article.title)}</h1><p style="color:#888;font-size:15px;">${escape(article.author)} · 沙箱公众号</p><div>${article.content}</div></body></html>`;
}
