import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { previewMarkdown } from "../../app/components/advocacy/markdown-preview.ts";
import { MetricsChart } from "../../app/components/advocacy/metrics-chart.tsx";
import { i18nFor } from "../../app/i18n/index.ts";

/** Rendered as on an English page. */
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor("en") }, element));

const metrics = [
  { label: "Onboarding time", before: 14, after: 3, unit: "days" },
  { label: "On-time delivery", before: 88, after: 94, unit: "%" },
];

describe("the before/after chart", () => {
  it("is an accessible image with a title, a description and text labels", () => {
    const svg = render(createElement(MetricsChart, { metrics, title: "Results before and after" }));
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1].split(" ");
    expect(labelledBy).toHaveLength(2);
    expect(svg).toContain(`<title id="${labelledBy[0]}">Results before and after</title>`);
    expect(svg).toContain(
      `<desc id="${labelledBy[1]}">Onboarding time: 14 days → 3 days (−79%). On-time delivery: 88% → 94% (+7%).</desc>`,
    );
    for (const text of ["Onboarding time", "14 days", "3 days", "88%", "94%", "Before", "After"])
      expect(svg).toContain(`>${text}<`);
  });

  it("scales each metric on its own, with the larger value filling the track", () => {
    const svg = render(createElement(MetricsChart, { metrics, title: "t" }));
    const widths = [...svg.matchAll(/<rect x="64" y="\d+" width="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toEqual([420, 90, 393, 420]);
  });

  it("draws a stand-alone file with a background and no page styles", () => {
    const svg = render(createElement(MetricsChart, { metrics, title: "t", standalone: true }));
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<rect width="640" height="200" fill="#ffffff">');
    expect(svg).not.toContain("currentColor");
  });

  it("says what to do when there are no metrics yet", () => {
    const svg = render(createElement(MetricsChart, { metrics: [], title: "t" }));
    expect(svg).toContain("Add a metric to see the chart.");
  });
});

describe("the live preview's markdown", () => {
  it("renders markdown but shows raw HTML as text and drops unsafe links and images", () => {
    const html = previewMarkdown(
      "**bold** <script>alert(1)</script> [ok](https://example.com) [bad](javascript:alert(1)) ![img](https://x.example/a.png) <img src=x onerror=alert(1)>",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(
      '<a href="https://example.com" rel="ugc nofollow noopener noreferrer">ok</a>',
    );
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
