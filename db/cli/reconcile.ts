import { reconcile } from "../../app/modules/reputation/reconcile.server.ts";
import { reconcileAutomaticTiers } from "../../app/modules/tiers/standing.server.ts";
import { openCliDatabase, parseArgs } from "./open.ts";

// Compares every reputation balance with the sum of its ledger rows.
//   --check  report drift; exit 1 when any balance differs (the default)
//   --fix    also rewrite drifted balances from the ledger and bring automatic tiers in line
// The last line is always `ledger drift: N users`.
const args = parseArgs();
const fix = Boolean(args.fix);
const handle = await openCliDatabase();
let exitCode = 0;
try {
  const report = await reconcile(handle.db, { fix });
  for (const d of report.drift) {
    const who = d.handle ? `@${d.handle}` : "(unknown user)";
    const parts = (["total", "help", "speaking", "stories", "community"] as const)
      .filter((c) => d.stored[c] !== d.ledger[c])
      .map((c) => `${c} ${d.stored[c]} → ledger ${d.ledger[c]}`);
    console.log(`${fix ? "fixed" : "drift"}: user ${d.userId} ${who}: ${parts.join(", ")}`);
  }
  console.log(
    `checked ${report.checkedUsers} users${fix ? `, repaired ${report.drift.length}` : ""}`,
  );
  // Repaired balances may move people across an automatic tier threshold.
  if (fix) {
    const changes = await reconcileAutomaticTiers(handle.db);
    console.log(`automatic tiers updated: ${changes.length}`);
  }
  // After a repair, check again: the last line always states what is left.
  const remaining = fix ? (await reconcile(handle.db)).drift.length : report.drift.length;
  console.log(`ledger drift: ${remaining} users`);
  if (remaining > 0) exitCode = 1;
} finally {
  await handle.close();
  handle.release();
}
process.exit(exitCode);
