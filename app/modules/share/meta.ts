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
