import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { formatMetricValue, percentChange } from "../advocacy/metrics.ts";
import { shareCardHash, type ShareCard } from "./cards.server.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

// The product's typeface, from the package that ships it: no font is fetched at run time.
const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | null = null;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: "Inter",
    data: readFileSync(
      require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
    ),
    weight,
    style: "normal" as const,
  }));
  return fonts;
}

const brand = { dark: "#064e3b", mid: "#047857", light: "#d1fae5", spot: "#f59e0b" };

function Picture({ card }: { card: ShareCard }) {
  const m = card.metric;
  const change = m ? percentChange(m) : null;
  return (
    <div
      style={{
        width: OG_WIDTH,
        height: OG_HEIGHT,
        boxSizing: "border-box",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 64px",
        background: `linear-gradient(135deg, ${brand.dark} 0%, ${brand.mid} 70%, ${brand.spot} 140%)`,
        color: "white",
        fontFamily: "Inter",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", width: OG_WIDTH - 128 }}>
        <div
          style={{
            fontSize: 26,
            fontWeight: 700,
            letterSpacing: 2,
            textTransform: "uppercase",
            color: brand.light,
          }}
        >
          {card.eyebrow}
        </div>
        <div
          style={{
            marginTop: 20,
            fontSize: card.title.length > 70 ? 48 : 60,
            fontWeight: 700,
            lineHeight: 1.15,
          }}
        >
          {card.title}
        </div>
        {card.subtitle && !m ? (
          <div style={{ marginTop: 20, fontSize: 30, color: brand.light, lineHeight: 1.35 }}>
            {card.subtitle}
          </div>
        ) : null}
      </div>
      {m ? (
        <div style={{ display: "flex", alignItems: "flex-end", gap: 32 }}>
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 24, color: brand.light }}>{m.label} · before</div>
            <div style={{ fontSize: 56, fontWeight: 700 }}>
              {formatMetricValue(m.before, m.unit)}
            </div>
          </div>
          <div style={{ fontSize: 32, color: brand.light, paddingBottom: 12 }}>to</div>
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 24, color: brand.light }}>after</div>
            <div style={{ fontSize: 56, fontWeight: 700, color: "#fcd34d" }}>
              {formatMetricValue(m.after, m.unit)}
            </div>
          </div>
          {change !== null ? (
            <div style={{ fontSize: 40, fontWeight: 700, marginLeft: 16, color: "#fcd34d" }}>
              {`${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change)}%`}
            </div>
          ) : null}
        </div>
      ) : null}
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          fontSize: 28,
          width: OG_WIDTH - 128,
        }}
      >
        <div style={{ display: "flex", color: brand.light }}>{card.footer}</div>
        <div style={{ display: "flex", fontWeight: 700 }}>Limelight</div>
      </div>
    </div>
  );
}

/** Drawn pictures by content fingerprint: a changed subject has a new fingerprint. */
const drawn = new Map<string, Buffer>();
const MAX_DRAWN = 200;

/** The card as a 1200×630 PNG, drawn once per fingerprint. */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  const hash = shareCardHash(card);
  const hit = drawn.get(hash);
  if (hit) return hit;
  const svg = await satori(<Picture card={card} />, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: "width", value: OG_WIDTH } }).render().asPng();
  if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value as string);
  drawn.set(hash, png);
  return png;
}
