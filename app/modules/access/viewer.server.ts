import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { Viewer } from "./policy.ts";

/**
 * Everything the policy needs to know about the person asking, loaded once
 * per request or socket: who they are and their standing in the community.
 */
export async function loadViewer(
  _db: Queryable,
  user: { id: number; role: Role } | null,
): Promise<Viewer> {
  if (!user) return null;
  return { id: user.id, role: user.role };
}
