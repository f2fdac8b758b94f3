import type { AppLoadContext } from "@remix-run/node";
import type { CommandContext } from "~/modules/commands/command.server.ts";
import { siteFromEnv } from "~/modules/mail/settings.ts";
import { getViewer } from "./auth.server.ts";

/** What a route hands a command: this request's database, viewer and live publisher. */
export async function commandContext(
  request: Request,
  context: AppLoadContext,
): Promise<CommandContext> {
  return {
    db: context.db,
    viewer: await getViewer(request, context),
    publisher: context.realtime,
    site: siteFromEnv(context.env),
  };
}
