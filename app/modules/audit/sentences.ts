/**
 * Audit entries as sentences a manager reads: "Ana Manager granted MVP to
 * Catie Chen", with the people and subjects as links, instead of an action
 * key and a blob of JSON. Pure, so the page and the CSV export say the same.
 */

/** One piece of a sentence: plain words, or a name that links to its page. */
export interface SentencePart {
  text: string;
  href?: string;
}

export interface DescribedEntry {
  action: string;
  subject_type: string;
  subject_id: string;
  details?: unknown;
  actor_handle: string | null;
  actor_name: string | null;
  subject_handle: string | null;
  subject_name: string | null;
}

/** What each kind of subject is called, and where a manager looks at it. */
const SUBJECTS: Record<string, { label: string; href?: (id: string) => string }> = {
  user: { label: "person" },
  thread: { label: "thread", href: (id) => `/t/${id}` },
  post: { label: "post" },
  tier: { label: "tier", href: () => "/manage/tiers/catalogue" },
  settings: { label: "reputation settings", href: () => "/manage/reputation" },
  speaking_opportunity: { label: "speaking opportunity", href: (id) => `/manage/speaking/${id}` },
  speaking_application: { label: "speaking application" },
  talk: { label: "talk" },
  case_study: { label: "story", href: (id) => `/manage/stories/${id}` },
  early_access_item: { label: "early-access item", href: (id) => `/manage/early-access/${id}` },
  nps_import: { label: "survey import", href: () => "/manage/promoters/responses" },
  nps_response: { label: "survey response", href: () => "/manage/promoters/responses" },
  promoter_invitation: { label: "promoter invitation", href: () => "/manage/promoters" },
  reference_request: { label: "reference request", href: () => "/manage/references" },
  referral: { label: "referral", href: () => "/manage/referrals" },
  outbox_message: { label: "message", href: (id) => `/manage/outbox/${id}` },
};

const words = (text: string) => text.replace(/_/g, " ");
const str = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : null;

/** The subject as a name with a link where there is one: "Catie Chen", "thread #12". */
export function subjectPart(entry: DescribedEntry): SentencePart {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (entry.subject_type === "user")
    return entry.subject_handle
      ? {
          text: entry.subject_name ?? `@${entry.subject_handle}`,
          href: `/u/${entry.subject_handle}`,
        }
      : { text: `person #${entry.subject_id}` };
  if (entry.subject_type === "post") {
    const thread = str(details.threadId);
    return thread
      ? { text: `a post in thread #${thread}`, href: `/t/${thread}` }
      : { text: `post #${entry.subject_id}` };
  }
  if (entry.subject_type === "settings")
    return { text: "the reputation settings", href: "/manage/reputation" };
  const kind = SUBJECTS[entry.subject_type];
  const text = `${kind?.label ?? words(entry.subject_type)} #${entry.subject_id}`;
  return kind?.href ? { text, href: kind.href(entry.subject_id) } : { text };
}

function settingChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([key, change]) => `${key} ${str(change?.from) ?? "—"} → ${str(change?.to) ?? "—"}`)
    .join(", ");
}

/** The words after the actor's name, with the subject placed where it belongs. */
function predicate(entry: DescribedEntry, s: SentencePart): Array<SentencePart | string> {
  const d = (entry.details ?? {}) as Record<string, unknown>;
  const tier = str(d.tier) ?? "a tier";
  const [, what = entry.action] = entry.action.split(".");
  switch (entry.action) {
    case "user.role_changed":
      return ["changed the role of", s, `from ${str(d.from)} to ${str(d.to)}`];
    case "user.verified_customer":
      return ["verified", s, "as a customer"];
    case "user.created_from_cli":
      return ["created the account of", s, d.role ? `as ${str(d.role)}` : ""];
    case "user.password_changed":
      return ["changed the password of", s];
    case "user.password_reset":
      return ["reset the password of", s];
    case "demo.seeded":
      return ["seeded the demo community"];
    case "reputation.manual_award":
      return [`awarded ${str(d.amount)} points to`, s];
    case "reputation.manual_correction":
      return [`took ${Math.abs(Number(d.amount) || 0)} points from`, s];
    case "reputation.settings_changed":
      return ["changed", s, settingChanges(d.changes) ? `: ${settingChanges(d.changes)}` : ""];
    case "answer.accepted":
      return ["accepted an answer in", s];
    case "thread.moved":
      return ["moved", s, `from ${str(d.from)} to ${str(d.to)}`];
    case "flags.dismissed":
      return [`dismissed ${str(d.flags) ?? "the"} flags on`, s];
    case "chapter.created":
      return ["started the chapter", str(d.name) ?? s];
    case "event.attendance_recorded":
      return ["recorded attendance at", s, `(${str(d.attended) ?? 0} of ${str(d.seats) ?? 0})`];
    case "tier.created":
      return ["created the tier", str(d.name) ?? s];
    case "tier.granted":
      return ["granted", tier, "to", s];
    case "tier.renewed":
      return ["renewed", tier, "for", s];
    case "tier.revoked":
      return ["revoked", tier, "from", s];
    case "tier.lapsed":
      return ["closed the lapsed", tier, "award of", s];
    case "tier.nomination_accepted":
    case "tier.nomination_declined":
      return [`${what.replace("nomination_", "")} the nomination of`, s, `for ${tier}`];
    case "nps.imported":
      return ["imported", `${str(d.added) ?? 0} survey responses from “${str(d.file)}”`];
    case "nps.response_added":
      return ["added a survey response", d.score !== undefined ? `(score ${str(d.score)})` : ""];
    case "promoter.invited":
      return ["invited", str(d.email) ?? s, "to join as a promoter"];
    case "referral.submitted":
      return ["referred", str(d.company) ?? s];
    case "referral.stage_changed":
      return ["moved", s, d.to ? `to ${words(String(d.to))}` : ""];
    case "referral.credit_adjusted":
      return ["changed the credit split of", s, d.reason ? `because “${str(d.reason)}”` : ""];
    case "referral_links.created":
      return ["created their personal referral links"];
    case "credit.helped_count_shown":
      return ["chose to show how many companies they helped decide"];
    case "credit.helped_count_hidden":
      return ["chose to hide how many companies they helped decide"];
    default:
      // post.hidden → "hid a post in thread #4"; speaking.talk_verified → "verified talk #3".
      return [IRREGULAR[what] ?? words(what.replace(/^(talk|application|opportunity)_/, "")), s];
  }
}

const IRREGULAR: Record<string, string> = {
  hidden: "hid",
  unhidden: "unhid",
  marked_helpful: "marked as helpful",
  unmarked_helpful: "unmarked as helpful",
  queue_delivered: "sent on from the queue",
  marked_held: "marked as held",
  opportunity_posted: "posted",
  invitation_revoked: "revoked",
};

/** The whole sentence: actor (or "Limelight" for the system), then what they did. */
export function auditSentence(entry: DescribedEntry): SentencePart[] {
  const actor: SentencePart = entry.actor_handle
    ? { text: entry.actor_name ?? `@${entry.actor_handle}`, href: `/u/${entry.actor_handle}` }
    : { text: "Limelight" };
  const parts = [actor, ...predicate(entry, subjectPart(entry))]
    .map((p) => (typeof p === "string" ? { text: p } : p))
    .filter((p) => p.text !== "");
  // Words are joined with spaces, except before the colon of a list of changes.
  return parts.flatMap((p, i) => (i === 0 || p.text.startsWith(":") ? [p] : [{ text: " " }, p]));
}

/** The sentence as plain text, for the CSV export. */
export const sentenceText = (entry: DescribedEntry) =>
  auditSentence(entry)
    .map((p) => p.text)
    .join("");
