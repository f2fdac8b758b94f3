import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  return (
    <section aria-label={t("thread.reply.section")}>
      {canReply ? (
        <Card className="p-5">
          <ReplyBox onTyping={onTyping} />
        </Card>
      ) : locked ? (
        <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
          {isQuestion ? t("thread.reply.lockedAnswers") : t("thread.reply.lockedReplies")}
        </Card>
      ) : !signedIn ? (
        <Card className="flex flex-wrap items-center justify-between gap-3 p-5 text-sm">
          <span>
            {isQuestion ? t("thread.reply.signInToAnswer") : t("thread.reply.signInToReply")}
          </span>
          <ButtonLink to={loginHref} size="sm">
            {t("shell.signIn")}
          </ButtonLink>
        </Card>
      ) : (
        <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
          {t("thread.reply.verifiedOnly")}
        </Card>
      )}
    </section>
  );
}

/** What a reader sees once the thread left their reach while they were reading. */
export function ThreadGone() {
  const { t } = useTranslation();
  return (
    <Card className="p-8 text-center" role="status">
      <h1 className="text-xl font-semibold">{t("thread.gone.title")}</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">{t("thread.gone.body")}</p>
      <ButtonLink to="/discussions" className="mt-6">
        {t("thread.gone.back")}
      </ButtonLink>
    </Card>
  );
}
