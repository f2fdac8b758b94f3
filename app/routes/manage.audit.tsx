import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { listAudit } from "~/modules/audit/audit.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Audit log · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "readAuditLog");
  return json({ entries: await listAudit(context.db, { limit: 100 }) });
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  if (entries.length === 0)
    return (
      <EmptyState title="Nothing recorded yet">
        Changes to roles and verifications appear here.
      </EmptyState>
    );
  return (
    <Card>
      <ol className="divide-y divide-stone-200 dark:divide-stone-800">
        {entries.map((e) => (
          <li
            key={e.id}
            className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div>
              <span className="font-mono text-xs text-stone-500">{e.action}</span>{" "}
              <span>
                {e.actor_handle ? (
                  <Link to={`/u/${e.actor_handle}`} className="font-medium hover:underline">
                    {e.actor_name}
                  </Link>
                ) : (
                  "System"
                )}{" "}
                on {e.subject_type} #{e.subject_id}
                {e.details && Object.keys(e.details).length
                  ? ` — ${JSON.stringify(e.details)}`
                  : ""}
                {e.reason ? ` — “${e.reason}”` : ""}
              </span>
            </div>
            <time
              className="whitespace-nowrap text-stone-500"
              dateTime={new Date(e.created_at).toISOString()}
            >
              {new Date(e.created_at).toLocaleString("en-GB", {
                dateStyle: "medium",
                timeStyle: "short",
              })}
            </time>
          </li>
        ))}
      </ol>
    </Card>
  );
}
