import type { Queryable } from "../client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { saveEmbedOrigins } from "../../app/modules/share/embeds.server.ts";

const DAY = 86_400_000;

/**
 * The company's own websites, listed by the admin so they may frame story
 * cards, the wall and the "talk to a customer" button: the marketing site,
 * its customer-stories section and the documentation.
 */
export const DEMO_EMBED_ORIGINS = [
  "https://www.northwind.example",
  "https://customers.northwind.example",
  "https://docs.northwind.example",
];

export async function seedEmbeds(db: Queryable, ids: Map<string, number>, now: Date) {
  const admin = ids.get("ada-admin");
  if (!admin) return;
  await saveEmbedOrigins(
    contextFor(db, { id: admin, role: "admin" }, { now: new Date(now.getTime() - 20 * DAY) }),
    { origins: DEMO_EMBED_ORIGINS },
  );
}
