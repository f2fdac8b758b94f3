import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/utils/markdown.server.ts";

/**
 * The HTML elements a rendering produced, with their attributes as a browser
 * would read them (escaped text such as `&lt;a href=…&gt;` is not an element).
 */
function tags(html: string) {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s[^>]*)?)>/gi)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: Object.fromEntries(
      [...m[2].matchAll(/\s([^\s="']+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2]]),
    ) as Record<string, string | undefined>,
  }));
}

function expectInert(html: string) {
  for (const tag of tags(html)) {
    expect(["script", "style", "iframe", "img", "svg", "object", "embed", "form"]).not.toContain(
      tag.name,
    );
    for (const [name, value] of Object.entries(tag.attrs)) {
      expect(name, html).not.toMatch(/^on/);
      expect(name, html).not.toBe("style");
      if (name === "href") expect(value, html).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

const hrefs = (html: string) => tags(html).flatMap((t) => (t.attrs.href ? [t.attrs.href] : []));

describe("renderMarkdown", () => {
  it("renders ordinary markdown", () => {
    const html = renderMarkdown(
      "We cut the close from **3 days** to _an afternoon_.\n\n- one\n- two\n\n`code`\n\n> quoted",
    );
    expect(html).toContain("<strong>3 days</strong>");
    expect(html).toContain("<em>an afternoon</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
  });

  it("shows raw HTML as text instead of passing it through", () => {
    for (const source of [
      "<script>alert(1)</script>",
      "Hello <script>alert(1)</script> there",
      "<img src=x onerror=alert(1)>",
      '<div onclick="steal()">hi</div>',
      "<svg><script>alert(1)</script></svg>",
      '<iframe src="https://evil.example"></iframe>',
      "<style>body{display:none}</style>",
      "**bold** <b>not bold</b>",
      "<!-- hidden comment -->",
    ]) {
      const html = renderMarkdown(source);
      expectInert(html);
      expect(tags(html).map((t) => t.name)).not.toContain("b");
    }
    expect(renderMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;");
  });

  it("drops links to script and data URLs, however they are spelled", () => {
    for (const source of [
      "[click](javascript:alert(1))",
      "[click](JAVASCRIPT:alert(1))",
      "[click](&#106;avascript:alert(1))",
      "[click](javascript&#58;alert(1))",
      "[click](vbscript:msgbox(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      '<a href="javascript:alert(1)">click</a>',
      "[click][ref]\n\n[ref]: javascript:alert(1)",
    ]) {
      const html = renderMarkdown(source);
      expectInert(html);
      expect(hrefs(html), source).toEqual([]);
    }
  });

  it("keeps a link title from breaking out of its attribute", () => {
    const html = renderMarkdown('[x](https://example.com "t\\" onmouseover=alert(1) x=\\"")');
    expectInert(html);
    const [link] = tags(html).filter((t) => t.name === "a");
    expect(Object.keys(link.attrs).sort()).toEqual(["href", "rel", "title"]);
    expect(link.attrs.href).toBe("https://example.com");
  });

  it("drops protocol-relative links, which would leave the site", () => {
    expect(hrefs(renderMarkdown("[x](//evil.example/path)"))).toEqual([]);
  });

  it("marks links from members as user content search engines should not follow", () => {
    const html = renderMarkdown("See [my blog](https://example.com/blog) and https://example.org");
    const links = tags(html).filter((t) => t.name === "a");
    expect(links.map((l) => l.attrs.href)).toEqual([
      "https://example.com/blog",
      "https://example.org",
    ]);
    for (const link of links)
      expect(link.attrs.rel?.split(" ")).toEqual(
        expect.arrayContaining(["ugc", "nofollow", "noopener"]),
      );
  });

  it("leaves out nofollow only for trusted authors", () => {
    const html = renderMarkdown("[site](https://example.com)", { trustedLinks: true });
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toContain("nofollow");
  });

  it("keeps code blocks as text", () => {
    const html = renderMarkdown("```html\n<script>alert(1)</script>\n```");
    expectInert(html);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<code class="language-html">');
  });

  it("renders an empty story as nothing", () => {
    expect(renderMarkdown("")).toBe("");
  });
});
