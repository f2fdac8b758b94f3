import type { TFunction } from "i18next";
import { subjectPart, type DescribedEntry, type SentencePart } from "~/modules/audit/sentences.ts";

// The audit sentence in the reader's language: the same facts as
// `auditSentence` (which the CSV export keeps in English), with the actor and
// the subject placed wherever the language puts them, as links.

const ACTOR = "\u2063actor\u2063";
const SUBJECT = "\u2063subject\u2063";

const words = (text: string) => text.replace(/_/g, " ");
const str = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : null;

/** The subject as a name with its link, its kind in the reader's language: "帖子 #12". */
function subjectIn(entry: DescribedEntry, t: TFunction): SentencePart {
  const base = subjectPart(entry);
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const numbered = (type: string) =>
    t("auditSentence.subjectId", {
      kind: t(`auditSentence.kinds.${type}`, { defaultValue: words(type) }),
      id: entry.subject_id,
    });
  if (entry.subject_type === "user")
    return entry.subject_handle ? base : { text: numbered("user") };
  if (entry.subject_type === "post") {
    const thread = str(details.threadId);
    return thread
      ? { ...base, text: t("auditSentence.postInThread", { thread }) }
      : { text: numbered("post") };
  }
  if (entry.subject_type === "settings")
    return { ...base, text: t("auditSentence.reputationSettings") };
  return { ...base, text: numbered(entry.subject_type) };
}

function settingChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([key, change]) => `${key} ${str(change?.from) ?? "—"} → ${str(change?.to) ?? "—"}`)
    .join(", ");
}

/** The whole sentence as parts, the actor and subject linked, in the language of `t`. */
export function auditSentenceIn(entry: DescribedEntry, t: TFunction): SentencePart[] {
  const actor: SentencePart = entry.actor_handle
    ? { text: entry.actor_name ?? `@${entry.actor_handle}`, href: `/u/${entry.actor_handle}` }
    : { text: t("auditSentence.system") };
  let subject = subjectIn(entry, t);
  const d = (entry.details ?? {}) as Record<string, unknown>;
  const tier = str(d.tier) ?? t("auditSentence.aTier");
  const slots = { actor: ACTOR, subject: SUBJECT };
  /** A name from the details stands for the subject, without a link, when there is one. */
  const named = (name: string | null) => {
    if (name) subject = { text: name };
  };
  const say = (key: string, values: Record<string, unknown> = {}) =>
    t(`auditSentence.${key}`, { ...slots, ...values });
  let text: string;
  switch (entry.action) {
    case "user.role_changed":
      text = say("roleChanged", { from: str(d.from), to: str(d.to) });
      break;
    case "user.verified_customer":
      text = say("verifiedCustomer");
      break;
    case "user.created_from_cli":
      text = d.role ? say("createdFromCliAs", { role: str(d.role) }) : say("createdFromCli");
      break;
    case "user.password_changed":
      text = say("passwordChanged");
      break;
    case "user.password_reset":
      text = say("passwordReset");
      break;
    case "demo.seeded":
      text = say("demoSeeded");
      break;
    case "reputation.manual_award":
      text = say("manualAward", { amount: str(d.amount) });
      break;
    case "reputation.manual_correction":
      text = say("manualCorrection", { amount: String(Math.abs(Number(d.amount) || 0)) });
      break;
    case "reputation.settings_changed": {
      const changes = settingChanges(d.changes);
      text = changes ? say("settingsChangedList", { changes }) : say("settingsChanged");
      break;
    }
    case "answer.accepted":
      text = say("answerAccepted");
      break;
    case "thread.moved":
      text = say("threadMoved", { from: str(d.from), to: str(d.to) });
      break;
    case "flags.dismissed":
      text = str(d.flags)
        ? say("flagsDismissed", { flags: str(d.flags) })
        : say("flagsDismissedAll");
      break;
    case "chapter.created":
      named(str(d.name));
      text = say("chapterCreated");
      break;
    case "event.attendance_recorded":
      text = say("attendance", { attended: str(d.attended) ?? "0", seats: str(d.seats) ?? "0" });
      break;
    case "tier.created":
      named(str(d.name));
      text = say("tierCreated");
      break;
    case "tier.granted":
      text = say("tierGranted", { tier });
      break;
    case "tier.renewed":
      text = say("tierRenewed", { tier });
      break;
    case "tier.revoked":
      text = say("tierRevoked", { tier });
      break;
    case "tier.lapsed":
      text = say("tierLapsed", { tier });
      break;
    case "tier.nomination_accepted":
      text = say("nominationAccepted", { tier });
      break;
    case "tier.nomination_declined":
      text = say("nominationDeclined", { tier });
      break;
    case "nps.imported":
      text = say("npsImported", { added: str(d.added) ?? "0", file: str(d.file) });
      break;
    case "nps.response_added":
      text =
        d.score !== undefined
          ? say("responseAddedScore", { score: str(d.score) })
          : say("responseAdded");
      break;
    case "promoter.invited":
      named(str(d.email));
      text = say("promoterInvited");
      break;
    case "referral.submitted":
      named(str(d.company));
      text = say("referralSubmitted");
      break;
    case "referral.stage_changed":
      text = d.to
        ? say("referralMovedTo", {
            stage: t(`manageReferrals.stages.${String(d.to)}`, {
              defaultValue: words(String(d.to)),
            }),
          })
        : say("referralMoved");
      break;
    case "referral.credit_adjusted":
      text = d.reason
        ? say("creditAdjustedBecause", { reason: str(d.reason) })
        : say("creditAdjusted");
      break;
    case "referral_links.created":
      text = say("linksCreated");
      break;
    case "credit.helped_count_shown":
      text = say("helpedShown");
      break;
    case "credit.helped_count_hidden":
      text = say("helpedHidden");
      break;
    default:
      text = say("other", { action: entry.action.replace(/[._]/g, " ") });
  }
  const parts: SentencePart[] = [];
  for (const piece of text.split(new RegExp(`(${ACTOR}|${SUBJECT})`)))
    if (piece === ACTOR) parts.push(actor);
    else if (piece === SUBJECT) parts.push(subject);
    else if (piece) parts.push({ text: piece });
  return parts;
}
