import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { ReplyBox } from "./reply-box.tsx";

/** The reply form, or why there is none: locked, signed out, or not open to this person. */
export function ReplyArea({
  canReply,
  locked,
  signedIn,
  isQuestion,
  loginHref,
  onTyping,
}: {
  canReply: boolean;
  locked: boolean;
  signedIn: boolean;
  isQuestion: boolean;
  loginHref: string;
  onTyping: () => void;
}) {
  return (
    <section aria-label="Reply">
      {canReply ? (
        <Card className="p-5">
          <ReplyBox onTyping={onTyping} />
        </Card>
      ) : locked ? (
        <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
          This thread is locked: it no longer takes new {isQuestion ? "answer" : "reply"}s.
        </Card>
      ) : !signedIn ? (
        <Card className="flex flex-wrap items-center justify-between gap-3 p-5 text-sm">
          <span>Sign in to {isQuestion ? "answer" : "reply"}, vote or ask your own question.</span>
          <ButtonLink to={loginHref} size="sm">
            Sign in
          </ButtonLink>
        </Card>
      ) : (
        <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
          Replies in this space are open to verified customers.
        </Card>
      )}
    </section>
  );
}

/** What a reader sees once the thread left their reach while they were reading. */
export function ThreadGone() {
  return (
    <Card className="p-8 text-center" role="status">
      <h1 className="text-xl font-semibold">This thread is no longer available to you</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        It was moved, hidden or deleted while you were reading.
      </p>
      <ButtonLink to="/discussions" className="mt-6">
        Back to discussions
      </ButtonLink>
    </Card>
  );
}
