import { URL_IN_TEXT } from '../../../content/render/urlPattern.ts';

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Weibo's link shortener as the sandbox plays it: every URL of a status is stored and returned
 * as http://t.cn/<7 characters>; one long URL always gets the same short one.
 */
export class ShortLinks {
  private readonly byLong = new Map<string, string>();
  private readonly byShort = new Map<string, string>();

  /** The text with every URL replaced by its short link. */
  shorten(text: string): string {
    return text.replace(URL_IN_TEXT, (url) => this.shortOf(url));
  }

  /** The long URL a short link stands for. */
  expand(short: string): string | undefined {
    return this.byShort.get(short);
  }

  private shortOf(url: string): string {
    const known = this.byLong.get(url);
    if (known !== undefined) return known;
    let n = this.byLong.size + 1;
    let code = '';
    for (let i = 0; i < 5; i++) {
      code = BASE62[n % 62] + code;
      n = Math.floor(n / 62);
    }
    const short = `http://t.cn/A6${code}`;
    this.byLong.set(url, short);
    this.byShort.set(short, url);
    return short;
  }
}
