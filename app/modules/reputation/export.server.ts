import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { ForbiddenError } from "../auth/errors.ts";
import { getVisibleProfile } from "../profiles/profiles.server.ts";
import { exportLedger, toCsv } from "./history.server.ts";

/**
 * A person's own ledger as a download, for them and for staff. A profile
 * this viewer may not see answers 404, like the profile page itself.
 */
export async function ledgerDownload(
  db: Queryable,
  viewer: Viewer,
  handle: string,
  format: "csv" | "json",
): Promise<Response> {
  const profile = await getVisibleProfile(db, viewer, handle);
  if (!policy.exportLedger(viewer, profile.id))
    throw new ForbiddenError("Only the advocate and community managers can download this ledger.");
  const entries = await exportLedger(db, profile.id);
  const filename = `limelight-reputation-${profile.handle}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "private, no-store",
  };
  if (format === "csv")
    return new Response(toCsv(entries), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    });
  return new Response(
    JSON.stringify(
      { handle: profile.handle, exportedAt: new Date().toISOString(), entries },
      null,
      2,
    ),
    { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } },
  );
}
