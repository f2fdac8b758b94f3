import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
import { Stat } from "~/components/promoters/charts.tsx";
import { CreditSplitForm, type CreditSplitRow } from "~/components/promoters/credit-split-form.tsx";
import { ReferralStageBadge, useMoney } from "~/components/promoters/referral-stage.tsx";
import { Card } from "~/components/ui/card.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import {
  adjustReferralCredit,
  advocateIdByHandle,
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageReferrals.creditMetaTitle", {
        company: data?.referral.company ?? t("manageReferrals.aReferral"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const viewer = await getViewer(request, context);
  const { referral, credits, suggestion } = await orErrorPage(
    referralCredit(context.db, viewer, idParam(params.id)),
  );
  const { t } = i18nFor(await localeOf(request, context));
  const reasonLabels: Record<string, string> = {
    referred: t("manageReferrals.reasons.referred"),
    reference_call: t("manageReferrals.reasons.reference_call"),
    story_read: t("manageReferrals.reasons.story_read"),
    link: t("manageReferrals.reasons.link"),
  };
  const rows = new Map<number, CreditSplitRow>();
  for (const s of suggestion)
    rows.set(s.advocateId, {
      advocateId: s.advocateId,
      handle: s.handle,
      name: s.name,
      reasons: s.reasons.map((r) => reasonLabels[r] ?? r),
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
async function sharesFrom(
  form: FormData,
  db: Parameters<typeof advocateIdByHandle>[0],
  t: TFunction,
) {
  const errors: Record<string, string> = {};
  const shares: { advocateId: number; shareBp: number }[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^share-([1-9]\d{0,9})$/.exec(key);
    if (!m) continue;
    const bp = parseSharePercent(String(value));
    if (Number.isNaN(bp) || bp > 10_000) errors[key] = t("manageReferrals.percent");
    else shares.push({ advocateId: Number(m[1]), shareBp: bp });
  }
  const handle = String(form.get("extraHandle") ?? "").trim();
  const extra = String(form.get("extraShare") ?? "").trim();
  if (handle || extra) {
    const id = handle ? await advocateIdByHandle(db, handle) : null;
    const bp = parseSharePercent(extra);
    if (!handle) errors.extraHandle = t("manageReferrals.nameAdvocate");
    else if (id === null) errors.extraHandle = t("manageReferrals.noAdvocate");
    else if (shares.some((s) => s.advocateId === id))
      errors.extraHandle = t("manageReferrals.alreadyIn");
    if (!extra || Number.isNaN(bp) || bp <= 0 || bp > 10_000)
      errors.extraShare = t("manageReferrals.percentAbove");
    if (id !== null && !errors.extraHandle && !errors.extraShare)
      shares.push({ advocateId: id, shareBp: bp });
  }
  if (Object.keys(errors).length)
    throw new InvalidFieldsError(errors, t("manageReferrals.nothingChanged"));
  return shares;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const referralId = idParam(params.id);
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const { t } = i18nFor(await localeOf(request, context));
  try {
    const shares = await sharesFrom(form, context.db, t);
    const { referral } = await adjustReferralCredit(await commandContext(request, context), {
      referralId,
      shares,
      reason: String(form.get("reason") ?? ""),
    });
    return redirectWithToast(`/manage/referrals/${referralId}`, {
      kind: "success",
      title: t("manageReferrals.creditSaved", { company: referral.company }),
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function ReferralCreditPage() {
  const { referral: r, credits, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const money = useMoney();
  const [before, after] = around(
    t("manageReferrals.referredBy", { contact: r.contact_name, advocate: SLOT }),
  );
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/referrals"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageReferrals.allReferrals")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold">{r.company}</h2>
        <ReferralStageBadge stage={r.stage} />
        <span className="text-sm text-stone-600 dark:text-stone-400">
          {before}
          <Link to={`/manage/advocates/${r.advocate_handle}`} className="underline">
            {r.advocate_name}
          </Link>
          {after}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Stat label={t("manageReferrals.revenue")} value={money(r.revenue_cents)} />
        <Stat label={t("manageReferrals.margin")} value={money(r.margin_cents)} />
        <Stat label={t("manageReferrals.credited")} value={credits.length} />
      </dl>
      <Card className="space-y-4 p-6">
        <div>
          <h3 className="text-lg font-semibold">{t("manageReferrals.creditSplit")}</h3>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {t("manageReferrals.splitIntro")}
          </p>
        </div>
        {credits.length ? (
          <ul
            className="flex flex-wrap gap-2 text-sm"
            aria-label={t("manageReferrals.creditedNow")}
          >
            {credits.map((c) => (
              <li
                key={c.advocate_id}
                className="rounded-full bg-brand-50 px-3 py-1 dark:bg-brand-950"
                data-testid={`credit-${c.handle}`}
              >
                {t("manageReferrals.shareLine", {
                  name: c.display_name,
                  share: formatShare(c.share_bp),
                })}
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
            <p className="text-sm">{t("manageReferrals.notWonYet")}</p>
            <ul className="space-y-1 text-sm">
              {rows.map((row) => (
                <li key={row.advocateId}>
                  {t("manageReferrals.shareLine", {
                    name: row.name,
                    share: formatShare(row.suggestedBp),
                  })}{" "}
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
