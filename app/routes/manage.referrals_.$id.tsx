import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Stat } from "~/components/promoters/charts.tsx";
import { CreditSplitForm, type CreditSplitRow } from "~/components/promoters/credit-split-form.tsx";
import { money, ReferralStageBadge } from "~/components/promoters/referral-stage.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  adjustReferralCredit,
  advocateIdByHandle,
  CREDIT_REASON_LABELS,
  parseSharePercent,
  referralCredit,
} from "~/modules/promoters/credit.server.ts";
import { formatShare } from "~/modules/promoters/credit-shares.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { InvalidFieldsError } from "~/utils/errors.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Credit for ${data?.referral.company ?? "a referral"} · Manage · Limelight` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const viewer = await getViewer(request, context);
  const { referral, credits, suggestion } = await orErrorPage(
    referralCredit(context.db, viewer, idParam(params.id)),
  );
  const rows = new Map<number, CreditSplitRow>();
  for (const s of suggestion)
    rows.set(s.advocateId, {
      advocateId: s.advocateId,
      handle: s.handle,
      name: s.name,
      reasons: s.reasons.map((r) => CREDIT_REASON_LABELS[r]),
      currentBp: null,
      suggestedBp: s.shareBp,
    });
  for (const c of credits) {
    const row = rows.get(c.advocate_id) ?? {
      advocateId: c.advocate_id,
      handle: c.handle,
      name: c.display_name,
      reasons: [],
      currentBp: null,
      suggestedBp: 0,
    };
    rows.set(c.advocate_id, { ...row, currentBp: c.share_bp });
  }
  return json({ referral, credits, rows: [...rows.values()] });
}

/** `share-<advocate id>` fields (percent), and optionally one more advocate by handle. */
async function sharesFrom(form: FormData, db: Parameters<typeof advocateIdByHandle>[0]) {
  const errors: Record<string, string> = {};
  const shares: { advocateId: number; shareBp: number }[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^share-([1-9]\d{0,9})$/.exec(key);
    if (!m) continue;
    const bp = parseSharePercent(String(value));
    if (Number.isNaN(bp) || bp > 10_000) errors[key] = "Enter a percentage from 0 to 100.";
    else shares.push({ advocateId: Number(m[1]), shareBp: bp });
  }
  const handle = String(form.get("extraHandle") ?? "").trim();
  const extra = String(form.get("extraShare") ?? "").trim();
  if (handle || extra) {
    const id = handle ? await advocateIdByHandle(db, handle) : null;
    const bp = parseSharePercent(extra);
    if (!handle) errors.extraHandle = "Name the advocate this share is for.";
    else if (id === null) errors.extraHandle = "There is no verified advocate with that handle.";
    else if (shares.some((s) => s.advocateId === id))
      errors.extraHandle = "That advocate is already in the split above.";
    if (!extra || Number.isNaN(bp) || bp <= 0 || bp > 10_000)
      errors.extraShare = "Enter a percentage above 0 and at most 100.";
    if (id !== null && !errors.extraHandle && !errors.extraShare)
      shares.push({ advocateId: id, shareBp: bp });
  }
  if (Object.keys(errors).length) throw new InvalidFieldsError(errors, "Nothing was changed.");
  return shares;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const referralId = idParam(params.id);
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  try {
    const shares = await sharesFrom(form, context.db);
    const { referral } = await adjustReferralCredit(await commandContext(request, context), {
      referralId,
      shares,
      reason: String(form.get("reason") ?? ""),
    });
    return redirectWithToast(`/manage/referrals/${referralId}`, {
      kind: "success",
      title: `Credit for ${referral.company} saved`,
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function ReferralCreditPage() {
  const { referral: r, credits, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/referrals"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          ← All referrals
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold">{r.company}</h2>
        <ReferralStageBadge stage={r.stage} />
        <span className="text-sm text-stone-600 dark:text-stone-400">
          {r.contact_name} · referred by{" "}
          <Link to={`/manage/advocates/${r.advocate_handle}`} className="underline">
            {r.advocate_name}
          </Link>
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Stat label="Revenue" value={money(r.revenue_cents)} />
        <Stat label="Margin" value={money(r.margin_cents)} />
        <Stat label="Advocates credited" value={credits.length} />
      </dl>
      <Card className="space-y-4 p-6">
        <div>
          <h3 className="text-lg font-semibold">Credit split</h3>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Each advocate's return on relationship counts this win's revenue and margin times their
            share. The suggestion gives half to the advocate who referred and shares the other half
            among advocates who took reference calls with the prospect, wrote stories they read, or
            whose link brought them.
          </p>
        </div>
        {credits.length ? (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Credited now">
            {credits.map((c) => (
              <li
                key={c.advocate_id}
                className="rounded-full bg-brand-50 px-3 py-1 dark:bg-brand-950"
                data-testid={`credit-${c.handle}`}
              >
                {c.display_name}: {formatShare(c.share_bp)}
              </li>
            ))}
          </ul>
        ) : null}
        {r.stage === "won" ? (
          <CreditSplitForm
            rows={rows}
            errors={actionData?.fieldErrors ?? {}}
            values={actionData?.values}
            formError={actionData?.formError}
            busy={busy}
          />
        ) : (
          <>
            <p className="text-sm">
              Credit is shared once the referral is won. When it is, this suggested split becomes
              its credit, and you can adjust it here.
            </p>
            <ul className="space-y-1 text-sm">
              {rows.map((row) => (
                <li key={row.advocateId}>
                  {row.name}: {formatShare(row.suggestedBp)}{" "}
                  <span className="text-stone-500">({row.reasons.join(" · ")})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
