import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Raw HTML in markdown is shown as text, never passed through.
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
  },
});

export interface RenderOptions {
  /** Links from authors who are not yet trusted are marked so search engines ignore them. */
  trustedLinks?: boolean;
}

/**
 * Renders markdown to sanitised HTML. Call it when content is written and
 * store the result; pages show the stored HTML.
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const html = marked.parse(source, { async: false }) as string;
  const rel = options.trustedLinks ? "noopener noreferrer" : "ugc nofollow noopener noreferrer";
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "hr",
      "strong",
      "em",
      "del",
      "code",
      "pre",
      "blockquote",
      "ul",
      "ol",
      "li",
      "a",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "span",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      code: ["class"],
      span: ["class"],
      th: ["align"],
      td: ["align"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel } }),
    },
  });
}
