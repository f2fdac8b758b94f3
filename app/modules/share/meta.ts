/** The meta tags that make a link preview show the page's share picture. */
export function shareImageMeta(imageUrl: string | null, alt: string) {
  if (!imageUrl) return [{ name: "twitter:card", content: "summary" }];
  return [
    { property: "og:image", content: imageUrl },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: alt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:image", content: imageUrl },
    { name: "twitter:image:alt", content: alt },
  ];
}

/** A talk's page: who spoke where and when, with its share picture once it is public. */
export function talkPageMeta(data: {
  talk: { title: string; speaker_name: string; event_name: string };
  when: string;
  url: string;
  imageUrl: string | null;
}) {
  const title = `${data.talk.title} · ${data.talk.speaker_name}`;
  const description = `${data.talk.speaker_name} at ${data.talk.event_name}, ${data.when}.`;
  return [
    { title: `${title} · Limelight` },
    { name: "description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Limelight" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: data.url },
    ...shareImageMeta(data.imageUrl, title),
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: data.url },
  ];
}
