import { useTranslation } from "react-i18next";
import { describeMetric } from "~/modules/advocacy/metrics.ts";
import type { EmbedWall } from "~/modules/share/wall.server.ts";
import { EmbedDocument } from "./embed-document.tsx";

const css = `main{padding:16px}
h1{font-size:16px}
ul{list-style:none;margin:12px 0 0;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(240px,1fr))}
li{border:1px solid #d6d3d1;border-radius:12px;padding:14px 16px}
li a{color:inherit;text-decoration:none}
li a:hover,li a:focus-visible{text-decoration:underline}
figure{margin:0}
blockquote{margin:0;font-size:15px;line-height:1.5}
.credit{font-size:13px;font-weight:600;margin-top:8px;color:inherit}
.more{margin-top:14px;display:flex;flex-wrap:wrap;gap:6px 16px}
@media (prefers-color-scheme:dark){li{border-color:#44403c}}`;

/** Published stories and testimonials for another website: no script, each opens on Limelight. */
export function EmbedWallPage({ wall, origin }: { wall: EmbedWall; origin: string }) {
  const filter = wall.industry ? `?industry=${encodeURIComponent(wall.industry)}` : "";
  const canonical = `${origin}/testimonials${filter}`;
  const empty = wall.stories.length === 0 && wall.testimonials.length === 0;
  const { t } = useTranslation();
  return (
    <EmbedDocument title={t("embed.wallTitle")} canonical={canonical} css={css}>
      <main>
        <div className="eyebrow">
          {wall.industry ? t("embed.voicesIn", { industry: wall.industry }) : t("embed.voices")}
        </div>
        <h1>{t("embed.wallTitle")}</h1>
        {empty ? (
          <p>
            {wall.industry ? t("embed.emptyIn", { industry: wall.industry }) : t("embed.empty")}
          </p>
        ) : null}
        {wall.stories.length ? (
          <ul aria-label={t("embed.stories")}>
            {wall.stories.map((s) => (
              <li key={s.slug}>
                <a href={`${origin}/stories/${s.slug}`} target="_blank" rel="noopener">
                  <div className="eyebrow">
                    {s.company ? t("embed.storyAt", { company: s.company }) : t("embed.story")}
                  </div>
                  <h1>{s.title}</h1>
                  {s.metric ? <p>{describeMetric(s.metric)}</p> : null}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {wall.testimonials.length ? (
          <ul aria-label={t("embed.recommendations")}>
            {wall.testimonials.map((item) => (
              <li key={item.id}>
                <a href={`${origin}/testimonials/${item.id}`} target="_blank" rel="noopener">
                  <figure>
                    <blockquote>“{item.body}”</blockquote>
                    <figcaption className="credit">{item.creditLine}</figcaption>
                  </figure>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="more">
          {wall.storyTotal > 0 ? (
            <a href={`${origin}/stories${filter}`} target="_blank" rel="noopener">
              {t("embed.allStories", { count: wall.storyTotal })}
            </a>
          ) : null}
          {wall.testimonialTotal > 0 ? (
            <a href={canonical} target="_blank" rel="noopener">
              {t("embed.allRecommendations", { count: wall.testimonialTotal })}
            </a>
          ) : null}
        </p>
      </main>
    </EmbedDocument>
  );
}
