/**
 * The faces a composed pledge is set in, as files in the resources folder's `fonts/` (resources/fonts in the
 * repo, copied by electron-builder): LXGW WenKai (楷, OFL-1.1) for the body in place of GB/T 9704's 仿宋, and
 * WenQuanYi Micro Hei (黑, Apache-2.0) for the title and 一、 headings. Both are TrueType-outline fonts, the
 * only kind pdf-lib embeds correctly for every PDF engine (notes/cjk-pdf.md). Provenance and licences:
 * resources/fonts/README.md.
 */
export const FONT_FILES = {
  body: 'LXGWWenKai-Regular.ttf',
  heading: 'WenQuanYiMicroHei.ttf',
} as const;
