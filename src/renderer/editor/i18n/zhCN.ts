/**
 * The editor's texts in Simplified Chinese: the default language and the source of the key set.
 * `{name}` marks a value filled in by editorText(); en.ts must use the same placeholders.
 */
export const zhCN = {
  'editor.label': '稿件正文',
  'editor.placeholder': '在此输入正文，或从 Word、WPS、网页粘贴……',
  'editor.loading': '正在加载编辑器……',

  'toolbar.label': '正文格式',
  'toolbar.withShortcut': '{label}（{shortcut}）',
  'toolbar.blockType': '段落样式',
  'toolbar.tableTools': '表格操作',

  'block.paragraph': '正文',
  'block.h1': '一级标题 一、',
  'block.h2': '二级标题 （一）',
  'block.h3': '三级标题 1.',
  'block.h4': '四级标题 （1）',
  'block.h5': '五级标题',
  'block.h6': '六级标题',

  'format.bold': '加粗',
  'format.italic': '倾斜',
  'format.underline': '下划线',
  'format.strikethrough': '删除线',
  'format.clear': '清除格式',

  'list.bullet': '项目符号列表',
  'list.number': '编号列表',
  'block.quote': '引用',
  'insert.horizontalRule': '分隔线',

  'history.undo': '撤销',
  'history.redo': '重做',

  'link.button': '链接',
  'link.insertTitle': '插入链接',
  'link.editTitle': '编辑链接',
  'link.urlLabel': '链接地址',
  'link.urlHelp': '以 https://、http:// 或 mailto: 开头，例如 https://www.gov.cn',
  'link.unsafe':
    '不能使用这个地址。链接只能指向 http、https 或 mailto 地址，例如 https://www.gov.cn。',
  'link.needsSelection': '请先选中要设为链接的文字，再点“链接”。',
  'link.remove': '移除链接',
  'link.apply': '确定',

  'image.button': '插入图片',
  'image.altTitle': '图片替代文字',
  'image.altLabel': '替代文字',
  'image.altHelp': '供读屏软件朗读和图片无法显示时使用，请简要描述图片内容。',
  'image.altPlaceholder': '例如：区政府新闻发布会现场',
  'image.insert': '插入',
  'image.save': '保存',
  'image.missingAlt': '缺少替代文字',
  'image.editAlt': '编辑替代文字',
  'image.label': '图片：{alt}',
  'image.labelNoAlt': '图片（缺少替代文字）',
  'image.unavailable': '图片无法显示：媒体库中没有找到它。',
  'image.uploading': '正在上传图片“{name}”……',
  'image.failed': '图片“{name}”未能插入：{detail}',
  'image.wrongType': '“{name}”不是可插入的图片。只能插入 PNG、JPEG、GIF 或 WebP 格式的图片。',
  'image.tooLarge': '图片“{name}”超过 20 MB，无法插入。请先压缩后再插入。',

  'paste.importingImages': '正在导入粘贴内容中的 {count} 张图片……',
  'paste.droppedImages':
    '有 {count} 张图片无法随文字一起粘贴（它们位于本机文件或网络地址中）。文字已粘贴；请用工具栏的“插入图片”按钮逐张插入这些图片。',
  'paste.imagesFailed': '粘贴内容中有 {count} 张图片未能导入：{detail}',

  'table.button': '插入表格',
  'table.insertTitle': '插入表格',
  'table.rows': '行数',
  'table.columns': '列数',
  'table.headerNote': '第一行为表头。',
  'table.insert': '插入',
  'table.rowAbove': '在上方插入行',
  'table.rowBelow': '在下方插入行',
  'table.columnLeft': '在左侧插入列',
  'table.columnRight': '在右侧插入列',
  'table.deleteRow': '删除所在行',
  'table.deleteColumn': '删除所在列',
  'table.delete': '删除表格',

  'dialog.cancel': '取消',
  'notice.dismiss': '关闭提示',
} as const;
