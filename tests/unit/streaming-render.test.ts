import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

// React 18.3.1's Node stream writer sent its whole 2 KB buffer when a
// character's bytes did not fit at the end of it: the unused bytes went out
// as NULs. patches/react-dom+18.3.1.patch sends only the bytes written; this
// fails if an upgrade or a fresh install loses the patch without the fix.

function renderToBytes(element: ReturnType<typeof createElement>) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks));
        done();
      },
    });
    const { pipe } = renderToPipeableStream(element, {
      onAllReady: () => pipe(sink),
      onShellError: reject,
    });
  });
}

describe("the streaming server renderer", () => {
  it("writes multi-byte characters whole across its 2 KB buffers", async () => {
    // Short texts of every length before a three-byte "▲", so one falls on each buffer boundary.
    const items = Array.from({ length: 2000 }, (_, i) =>
      createElement("b", { key: i }, `${"x".repeat(i % 7)}▲ 日本`),
    );
    const bytes = await renderToBytes(createElement("div", null, items));
    expect(bytes.length).toBeGreaterThan(4 * 2048);
    expect(bytes.includes(0)).toBe(false);
    const html = bytes.toString("utf8");
    expect(html.includes("\uFFFD")).toBe(false);
    expect(html.match(/▲ 日本/g)).toHaveLength(2000);
  });
});
