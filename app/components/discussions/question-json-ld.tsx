import { useNonce } from "~/components/nonce.ts";
import { excerpt, htmlToText } from "~/modules/discussions/text.ts";
import type { PostView } from "~/modules/realtime/events.ts";

/** schema.org QAPage for questions, so search engines show the accepted answer. */
export function QuestionJsonLd({
  thread,
  opening,
  accepted,
  replies,
  canonical,
}: {
  thread: { title: string; replyCount: number; createdAt: string };
  opening: PostView;
  accepted: PostView | null;
  replies: PostView[];
  canonical: string;
}) {
  const nonce = useNonce();
  const answer = (p: PostView) => ({
    "@type": "Answer",
    text: excerpt(htmlToText(p.html), 1_000),
    upvoteCount: p.voteCount,
    dateCreated: p.createdAt,
    url: `${canonical}#post-${p.id}`,
    author: { "@type": "Person", name: p.author.displayName, url: `/u/${p.author.handle}` },
  });
  const data = {
    "@context": "https://schema.org",
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: thread.title,
      text: excerpt(htmlToText(opening.html), 1_000),
      answerCount: thread.replyCount,
      upvoteCount: opening.voteCount,
      dateCreated: opening.createdAt,
      author: {
        "@type": "Person",
        name: opening.author.displayName,
        url: `/u/${opening.author.handle}`,
      },
      ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
      suggestedAnswer: replies
        .filter((r) => r.id !== accepted?.id)
        .slice(0, 10)
        .map(answer),
    },
  };
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
