import { Marked, type Tokens } from "marked";

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * The browser's preview of markdown while a story is being written. The
 * stored HTML is rendered and sanitised on the server when it is saved; this
 * only shows the author what it will look like, so it follows the same rules:
 * raw HTML is shown as text, links only to http(s) and mailto, no images.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link({ href, text, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens) || escapeHtml(text);
      if (!SAFE_HREF.test(href.trim())) return label;
      return `<a href="${escapeHtml(href.trim())}" rel="ugc nofollow noopener noreferrer">${label}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

export function previewMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}
