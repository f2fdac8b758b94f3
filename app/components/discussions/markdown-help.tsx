/** The one-line formatting hint under every post box. */
export function MarkdownHelp() {
  return (
    <>
      Markdown works: **bold**, `code`, ```sql fenced blocks```, &gt; quotes and links. Mention
      someone with @handle.
    </>
  );
}
