import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { shortDate } from "~/components/promoters/reference-status.tsx";
import type { getReferenceRequest } from "~/modules/promoters/reference-reads.server.ts";

export type ReferenceView = SerializeFrom<Awaited<ReturnType<typeof getReferenceRequest>>>;

/** Who asked whom, when and about what; emails only once the advocate said yes. */
export function ReferenceDetails({ reference: r }: { reference: ReferenceView }) {
  return (
    <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-stone-600 dark:text-stone-400">Asked by</dt>
        <dd className="font-medium">
          <Link to={`/u/${r.prospect_handle}`} className="hover:underline">
            {r.prospect_name}
          </Link>
          {r.prospect_job_title || r.prospect_company ? (
            <span className="font-normal text-stone-600 dark:text-stone-400">
              {" "}
              · {[r.prospect_job_title, r.prospect_company].filter(Boolean).join(", ")}
            </span>
          ) : null}
        </dd>
        <dd data-testid="prospect-email" className="mt-1">
          {r.prospect_email ? (
            <a
              href={`mailto:${r.prospect_email}`}
              className="text-brand-700 underline dark:text-brand-300"
            >
              {r.prospect_email}
            </a>
          ) : (
            <span className="text-stone-500">Email shared after acceptance</span>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-stone-600 dark:text-stone-400">Advocate</dt>
        <dd className="font-medium">
          <Link to={`/u/${r.advocate_handle}`} className="hover:underline">
            {r.advocate_name}
          </Link>
          {r.advocate_company ? (
            <span className="font-normal text-stone-600 dark:text-stone-400">
              {" "}
              · {r.advocate_company}
            </span>
          ) : null}
        </dd>
        <dd data-testid="advocate-email" className="mt-1">
          {r.advocate_email ? (
            <a
              href={`mailto:${r.advocate_email}`}
              className="text-brand-700 underline dark:text-brand-300"
            >
              {r.advocate_email}
            </a>
          ) : (
            <span className="text-stone-500">Email shared after acceptance</span>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-stone-600 dark:text-stone-400">Asked on</dt>
        <dd>{shortDate(r.created_at)}</dd>
      </div>
      <div>
        <dt className="text-stone-600 dark:text-stone-400">Times that suit</dt>
        <dd>{r.preferred_times || "Not given"}</dd>
      </div>
      {r.context ? (
        <div className="sm:col-span-2">
          <dt className="text-stone-600 dark:text-stone-400">Context</dt>
          <dd className="whitespace-pre-line">{r.context}</dd>
        </div>
      ) : null}
      {r.status === "completed" || r.helpful !== null ? (
        <div>
          <dt className="text-stone-600 dark:text-stone-400">Helpful?</dt>
          <dd>{r.helpful === null ? "Not said" : r.helpful ? "Yes" : "Not really"}</dd>
        </div>
      ) : null}
      {r.status === "cancelled" && r.cancel_reason ? (
        <div>
          <dt className="text-stone-600 dark:text-stone-400">Why it was cancelled</dt>
          <dd>{r.cancel_reason}</dd>
        </div>
      ) : null}
    </dl>
  );
}
