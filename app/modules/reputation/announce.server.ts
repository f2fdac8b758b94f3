import type { Effects } from "../commands/effects.server.ts";
import type { RealtimePublisher } from "../realtime/publisher.ts";
import type { AutomaticTierChange } from "../tiers/standing.server.ts";
import type { AwardedEntry, LedgerEntry } from "./ledger-rows.server.ts";
import { isRuleKey, RULES } from "./rules.ts";

/** What a history line or a toast says about an entry: "reply upvoted", "… reversed". */
export function describeEntry(entry: Pick<LedgerEntry, "rule" | "reversesId" | "reason">): string {
  const phrase = isRuleKey(entry.rule) ? RULES[entry.rule].phrase : entry.rule;
  if (entry.reversesId !== null) return `${phrase} (reversed)`;
  return phrase;
}

const pointsWord = (n: number) => (Math.abs(n) === 1 ? "point" : "points");

/** Announces these entries once the command that wrote them has committed. */
export function announceAwards(
  effects: Effects,
  ...entries: Array<LedgerEntry | AwardedEntry | null>
): void {
  if (entries.some((entry) => entry && entry.amount !== 0))
    effects.afterCommit((publisher) => announcePoints(publisher, entries));
}

/**
 * After commit: tells each person live, in their own socket room, what they
 * earned ("toast") and their new balance ("user:points"), and which badges
 * they unlocked. Entries that changed nothing (capped votes) stay silent.
 */
export function announcePoints(
  publisher: RealtimePublisher,
  entries: Array<LedgerEntry | AwardedEntry | null>,
): void {
  for (const entry of entries) {
    if (!entry || entry.amount === 0) continue;
    const awarded = entry as Partial<AwardedEntry>;
    const where = awarded.sourceTitle ? ` in “${awarded.sourceTitle}”` : "";
    const what =
      entry.rule === "manual_adjustment" && entry.reversesId === null && entry.reason
        ? entry.reason
        : `${describeEntry(entry)}${where}`;
    const n = Math.abs(entry.amount);
    publisher.toUser(entry.userId, "toast", {
      kind: entry.amount > 0 ? "success" : "info",
      title:
        entry.amount > 0
          ? `You earned ${n.toLocaleString("en-GB")} ${pointsWord(n)}`
          : `${n.toLocaleString("en-GB")} ${pointsWord(n)} taken back`,
      description: `${what.charAt(0).toUpperCase()}${what.slice(1)}`,
    });
    publisher.toUser(entry.userId, "user:points", {
      balance: awarded.balance ?? null,
      entry: {
        id: entry.id,
        amount: entry.amount,
        rule: entry.rule,
        area: entry.area,
        sourceType: entry.sourceType,
        sourceId: entry.sourceId,
        createdAt: entry.createdAt,
      },
    });
    for (const badge of awarded.badges ?? []) {
      publisher.toUser(entry.userId, "toast", {
        kind: "success",
        title: `New badge: ${badge.name}`,
        description: "It now shows on your profile.",
      });
    }
    if (awarded.tierChange) announceAutomaticTier(publisher, awarded.tierChange);
  }
}

/**
 * An automatic tier reached or lost with the balance: the person's open
 * sockets reload their standing (tier spaces open or close at once) and
 * they are told.
 */
function announceAutomaticTier(publisher: RealtimePublisher, change: AutomaticTierChange) {
  publisher.refreshViewer?.(change.userId);
  const up = (change.to?.rank ?? 0) > (change.from?.rank ?? 0);
  const title = up
    ? `You reached ${change.to!.name}`
    : change.to
      ? `Your tier is now ${change.to.name}`
      : `You are no longer ${change.from!.name}`;
  publisher.toUser(change.userId, "toast", {
    kind: up ? "success" : "info",
    title,
    description: up
      ? "It comes with the access of your new tier."
      : "Your points fell below what the tier keeps; earning them back restores it.",
  });
  publisher.toUser(change.userId, "tier:changed", { title });
}
