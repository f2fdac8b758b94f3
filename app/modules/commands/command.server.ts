import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { Viewer } from "../access/policy.ts";
import { silentPublisher, type RealtimePublisher } from "../realtime/publisher.ts";
import { DEFAULT_SITE, type SiteSettings } from "../mail/settings.ts";
import { Effects } from "./effects.server.ts";

/** Who runs a command, against what, and where its live events go. */
export interface CommandContext {
  db: Queryable;
  /** The person asking, as the policy sees them; null for a visitor or the community's own sweeps. */
  viewer: Viewer;
  publisher: RealtimePublisher;
  /** When the change happens (tests and sweeps pass a clock); now when not given. */
  now?: Date;
  /** Set when a command runs inside another one: same transaction, effects delivered by the outer. */
  effects?: Effects;
  /** The site's public address and sender, for links and messages that leave it. */
  site?: SiteSettings;
}

/** What a command's `run` receives besides the transaction and its input. */
export interface CommandScope {
  viewer: Viewer;
  effects: Effects;
  now: Date;
  /** The site's public address and sender (for composing messages with absolute links). */
  site: SiteSettings;
  /** Runs another command inside this one: its rows and effects join this transaction. */
  nested<I, O>(command: Command<I, O>, input: I): Promise<O>;
}

export interface CommandDefinition<I, O> {
  /** The change, as the audit log and logs name it ("talk.verify", "story.publish"). */
  name: string;
  /**
   * Rules that need only the viewer and the input, asked before the transaction
   * opens (`ensure("manageSpeaking", viewer)`). Rules about a row call `ensure`
   * inside `run`, once the row is locked.
   */
  authorize?(viewer: Viewer, input: I): void;
  /** The change itself, in one transaction: read and lock, check, write, collect effects. */
  run(trx: Queryable, input: I, scope: CommandScope): Promise<O>;
  /** Errors worth one more try from the start (a unique slug taken by a concurrent change). */
  retryOn?(error: unknown): boolean;
}

/** A state change, defined once and callable as `command(context, input)`; it always runs through the runner. */
export interface Command<I, O> {
  (context: CommandContext, input: I): Promise<O>;
  readonly definition: CommandDefinition<I, O>;
}

/**
 * Defines a state change. Every change in Limelight is one of these: pages,
 * the API, sweeps, seeds and tests call it, and the runner gives each call
 * the same shape (transaction, policy, effects, delivery after commit).
 */
export function defineCommand<I, O>(definition: CommandDefinition<I, O>): Command<I, O> {
  const command = ((context: CommandContext, input: I) =>
    runCommand(context, command, input)) as Command<I, O>;
  Object.defineProperty(command, "definition", { value: definition });
  Object.defineProperty(command, "name", { value: definition.name });
  return command;
}

/**
 * The one runner: asks the command's coarse rules, opens the transaction,
 * runs the change, writes its audit rows and notices in that transaction,
 * commits, and only then releases its live events. A failure anywhere rolls
 * everything back and releases nothing.
 */
export async function runCommand<I, O>(
  context: CommandContext,
  command: Command<I, O>,
  input: I,
): Promise<O> {
  const { definition } = command;
  const now = context.now ?? context.effects?.at ?? new Date();
  definition.authorize?.(context.viewer, input);

  const scopeFor = (trx: Queryable, effects: Effects): CommandScope => ({
    viewer: context.viewer,
    effects,
    now,
    site: effects.site,
    nested: (inner, innerInput) =>
      runCommand({ ...context, db: trx, effects, now }, inner, innerInput),
  });

  if (context.effects)
    return definition.run(context.db, input, scopeFor(context.db, context.effects));

  for (let attempt = 1; ; attempt++) {
    const effects = new Effects(now, context.site ?? DEFAULT_SITE);
    try {
      const value = await inTransaction(context.db, async (trx) => {
        const result = await definition.run(trx, input, scopeFor(trx, effects));
        await effects.flush(trx);
        return result;
      });
      effects.deliver(context.publisher);
      return value;
    } catch (error) {
      if (attempt === 1 && definition.retryOn?.(error)) continue;
      throw error;
    }
  }
}

/**
 * A context outside a request: seeds, command-line tools, sweeps and tests.
 * Live events go nowhere unless a publisher is given.
 */
export function contextFor(
  db: Queryable,
  viewer: Viewer,
  options: { publisher?: RealtimePublisher; now?: Date; site?: SiteSettings } = {},
): CommandContext {
  return {
    db,
    viewer,
    publisher: options.publisher ?? silentPublisher,
    now: options.now,
    site: options.site,
  };
}
