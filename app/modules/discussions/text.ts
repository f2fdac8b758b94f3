/** Handles mentioned as `@handle` outside code, lowercase, each once, in order of appearance. */
export function extractMentions(markdown: string): string[] {
  const withoutCode = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|$(?![\s\S]))/gm, " ")
    .replace(/`[^`\n]*`/g, " ");
  const found: string[] = [];
  const pattern = /(^|[^a-z0-9_@./-])@([a-z0-9](?:[a-z0-9_-]{1,28}[a-z0-9]))(?![a-z0-9_-])/gi;
  for (const match of withoutCode.matchAll(pattern)) {
    const handle = match[2].toLowerCase();
    if (!found.includes(handle)) found.push(handle);
  }
  return found;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&nbsp;": " ",
};

/** The readable text of stored HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/pre|\/blockquote|\/tr)\s*\/?>/gi, "$& ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

/** A short excerpt of plain text, cut at a word boundary. */
export function excerpt(text: string, max = 180): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/** A quote of someone's post for the reply box: "> @handle wrote:" and their lines. */
export function quoteMarkdown(handle: string, markdown: string, maxChars = 600): string {
  const body = markdown.length > maxChars ? `${markdown.slice(0, maxChars).trimEnd()} …` : markdown;
  const lines = body.split("\n").map((line) => (line ? `> ${line}` : ">"));
  return `> @${handle} wrote:\n${lines.join("\n")}\n\n`;
}
