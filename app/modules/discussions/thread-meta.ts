/** The thread page's title, description, social cards and canonical link. */
export function threadMetaTags(page: {
  thread: { title: string; hidden: boolean; space: { name: string; visibility: string } };
  description: string;
  canonical: string;
}): Record<string, string>[] {
  const { thread, description, canonical } = page;
  const tags: Record<string, string>[] = [
    { title: `${thread.title} · ${thread.space.name} · Limelight` },
    { name: "description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:title", content: thread.title },
    { property: "og:description", content: description },
    { property: "og:url", content: canonical },
    { property: "og:site_name", content: "Limelight" },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: thread.title },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: canonical },
  ];
  // Restricted and hidden threads stay out of search engines.
  if (thread.space.visibility !== "public" || thread.hidden)
    tags.push({ name: "robots", content: "noindex" });
  return tags;
}
