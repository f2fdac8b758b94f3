import type { StoryMetric } from "~/modules/advocacy/metrics.ts";
import { describeMetric } from "~/modules/advocacy/metrics.ts";

const css = `body{margin:0;font-family:Inter,system-ui,sans-serif;color:#1c1917;background:#fff}
a.card{display:block;padding:16px 20px;border:1px solid #d6d3d1;border-radius:12px;color:inherit;text-decoration:none}
a.card:hover,a.card:focus-visible{border-color:#047857;outline:none}
.eyebrow{font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#047857}
h1{font-size:18px;margin:6px 0}
p{margin:4px 0;font-size:14px;color:#57534e}
@media (prefers-color-scheme:dark){body{background:#1c1917;color:#fafaf9}p{color:#d6d3d1}a.card{border-color:#44403c}}`;

/** A story as a small card for other websites: no script, the link opens the full story. */
export function EmbedStoryCard(props: {
  url: string;
  title: string;
  company: string;
  metric: StoryMetric | null;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="canonical" href={props.url} />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <a className="card" href={props.url} target="_blank" rel="noopener">
          <div className="eyebrow">Customer story{props.company ? ` · ${props.company}` : ""}</div>
          <h1>{props.title}</h1>
          {props.metric ? <p>{describeMetric(props.metric)}</p> : null}
          <p>Read the story on Limelight →</p>
        </a>
      </body>
    </html>
  );
}
