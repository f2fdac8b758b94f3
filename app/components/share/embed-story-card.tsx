import { useTranslation } from "react-i18next";
import type { StoryMetric } from "~/modules/advocacy/metrics.ts";
import { describeMetric } from "~/modules/advocacy/metrics.ts";
import { EmbedDocument } from "./embed-document.tsx";

const css = `a.card{display:block;padding:16px 20px;border:1px solid #d6d3d1;border-radius:12px;color:inherit;text-decoration:none}
a.card:hover,a.card:focus-visible{border-color:#047857;outline:none}
@media (prefers-color-scheme:dark){a.card{border-color:#44403c}}`;

/** A story as a small card for other websites: no script, the link opens the full story. */
export function EmbedStoryCard(props: {
  url: string;
  title: string;
  company: string;
  metric: StoryMetric | null;
}) {
  const { t } = useTranslation();
  return (
    <EmbedDocument title={props.title} canonical={props.url} css={css}>
      <a className="card" href={props.url} target="_blank" rel="noopener">
        <div className="eyebrow">
          {props.company
            ? t("embed.customerStoryAt", { company: props.company })
            : t("embed.customerStory")}
        </div>
        <h1>{props.title}</h1>
        {props.metric ? <p>{describeMetric(props.metric)}</p> : null}
        <p>{t("embed.readOn")}</p>
      </a>
    </EmbedDocument>
  );
}
