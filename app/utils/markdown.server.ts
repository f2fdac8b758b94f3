import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import sqlLanguage from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import { Marked, type MarkedExtension, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

// Languages people paste into discussions; others are shown as plain code.
for (const [name, language] of Object.entries({
  bash,
  javascript,
  json,
  python,
  sql: sqlLanguage,
  typescript,
  yaml,
}))
  hljs.registerLanguage(name, language);
for (const [alias, name] of Object.entries({
  sh: "bash",
  shell: "bash",
  js: "javascript",
  ts: "typescript",
  py: "python",
  yml: "yaml",
}))
  hljs.registerAliases(alias, { languageName: name });

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Raw HTML in markdown is shown as text, never passed through; fenced code
// with a known language is coloured once, here, when the content is written.
const baseOptions: MarkedExtension = {
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    code(token: Tokens.Code) {
      const lang = (token.lang ?? "").trim().split(/\s+/)[0].toLowerCase();
      if (lang && hljs.getLanguage(lang)) {
        const { value } = hljs.highlight(token.text, { language: lang, ignoreIllegals: true });
        return `<pre><code class="hljs language-${lang}">${value}</code></pre>\n`;
      }
      const langClass = /^[a-z0-9+#-]{1,30}$/.test(lang) ? ` class="language-${lang}"` : "";
      return `<pre><code${langClass}>${escapeHtml(token.text)}</code></pre>\n`;
    },
  },
};
const marked = new Marked(baseOptions);

/** `@handle` at the start of a word; the handle rules of sign-up (3–30 of a-z 0-9 - _). */
export const MENTION_PATTERN = /^@([a-z0-9](?:[a-z0-9_-]{1,28}[a-z0-9]))(?![a-z0-9_-])/i;

function mentionExtension(handles: ReadonlySet<string>): MarkedExtension {
  return {
    extensions: [
      {
        name: "mention",
        level: "inline",
        start(src: string) {
          const match = /(^|[^a-z0-9_@./-])@[a-z0-9]/i.exec(src);
          return match ? match.index + match[1].length : undefined;
        },
        tokenizer(src: string) {
          const match = MENTION_PATTERN.exec(src);
          if (!match || !handles.has(match[1].toLowerCase())) return undefined;
          return { type: "mention", raw: match[0], handle: match[1].toLowerCase() };
        },
        renderer(token) {
          return `<a href="/u/${token.handle}" class="mention">@${token.handle}</a>`;
        },
      },
    ],
  };
}

export interface RenderOptions {
  /** Links from authors who are not yet trusted are marked so search engines ignore them. */
  trustedLinks?: boolean;
  /** Handles of people who exist: `@handle` becomes a link to their profile. */
  mentionHandles?: ReadonlySet<string>;
}

/**
 * Renders markdown to sanitised HTML. Call it when content is written and
 * store the result; pages show the stored HTML.
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const parser = options.mentionHandles?.size
    ? new Marked(baseOptions, mentionExtension(options.mentionHandles))
    : marked;
  const html = parser.parse(source, { async: false }) as string;
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
      a: ["href", "title", "rel", "target", "class"],
      code: ["class"],
      span: ["class"],
      th: ["align"],
      td: ["align"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    allowedClasses: { code: ["hljs", "language-*"], span: ["hljs-*"], a: ["mention"] },
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel } }),
    },
  });
}
