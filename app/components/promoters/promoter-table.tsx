import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Table } from "~/components/ui/table.tsx";
import { isProspect, isVerifiedCustomer, type Viewer } from "~/modules/access/policy.ts";
import type { PromoterStage } from "~/modules/promoters/labels.ts";
import { BULK_FORM_ID } from "./bulk-invite.tsx";
import { useStageLabels } from "./use-labels.ts";

export interface PromoterListRow {
  responseId: number;
  email: string;
  name: string;
  company: string;
  score: number;
  comment: string;
  respondedAt: string;
  stage: PromoterStage;
  user: {
    id: number;
    handle: string;
    displayName: string;
    role: NonNullable<Viewer>["role"];
  } | null;
  invitation: { id: number; state: string; expiresAt: string } | null;
}

const tone = (stage: PromoterStage) =>
  stage === "contributed" ? "brand" : stage === "not_member" ? "neutral" : "spot";

function RowActions({ p, busy }: { p: PromoterListRow; busy: boolean }) {
  const { t } = useTranslation();
  const open = p.invitation?.state === "open";
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {p.stage === "not_member" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="invite" />
          <input type="hidden" name="email" value={p.email} />
          <input type="hidden" name="responseId" value={p.responseId} />
          <Button
            type="submit"
            size="sm"
            disabled={busy}
            aria-label={t("promoters.inviteName", { name: p.name || p.email })}
          >
            {open ? t("promoters.newLink") : t("promoters.invite")}
          </Button>
        </Form>
      ) : null}
      {open && p.stage === "not_member" && p.invitation ? (
        <Form
          method="post"
          onSubmit={(e) => {
            if (!confirm(t("promoters.withdrawQuestion"))) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="invitationId" value={p.invitation.id} />
          <Button type="submit" size="sm" variant="ghost" disabled={busy}>
            {t("promoters.withdraw")}
          </Button>
        </Form>
      ) : null}
      {p.comment && isVerifiedCustomer(p.user) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="story" />
          <input type="hidden" name="responseId" value={p.responseId} />
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            {t("promoters.startStory")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

/** The promoters on this page, each with a checkbox for the bulk invitation and its own actions. */
export function PromoterTable({
  rows,
  total,
  busy,
}: {
  rows: PromoterListRow[];
  total: number;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const labels = useStageLabels();
  const columns = [
    { label: t("promoters.colSelect"), className: "w-10", hidden: true },
    { label: t("promoters.colPromoter") },
    { label: t("promoters.colSaid") },
    { label: t("promoters.colStage") },
    { label: t("promoters.colActions"), className: "text-right" },
  ];
  const invitationLabel: Record<string, string> = {
    open: t("promoters.invitation.open"),
    used: t("promoters.invitation.used"),
    expired: t("promoters.invitation.expired"),
    revoked: t("promoters.invitation.revoked"),
  };
  return (
    <Card className="overflow-x-auto">
      <Table caption={t("promoters.caption", { total })} columns={columns}>
        {rows.map((p) => (
          <tr key={p.email} data-testid={`promoter-${p.email}`}>
            <td className="px-4 py-3 align-top">
              {p.stage === "not_member" ? (
                <input
                  type="checkbox"
                  name="email"
                  value={p.email}
                  form={BULK_FORM_ID}
                  aria-label={t("promoters.selectName", { name: p.name || p.email })}
                  className="size-4 accent-brand-600"
                />
              ) : null}
            </td>
            <td className="px-4 py-3 align-top">
              {p.user ? (
                <>
                  <Link to={`/u/${p.user.handle}`} className="font-medium hover:underline">
                    {p.user.displayName}
                  </Link>
                  {isProspect(p.user) || isVerifiedCustomer(p.user) ? (
                    <Link
                      to={`/manage/people/${p.user.id}/relationship`}
                      className="ml-2 text-xs font-medium text-brand-700 underline dark:text-brand-300"
                    >
                      {t("promoters.relationship")}
                    </Link>
                  ) : null}
                </>
              ) : (
                <span className="font-medium">{p.name || p.email}</span>
              )}
              <div className="text-stone-600 dark:text-stone-400">
                {p.email}
                {p.company ? ` · ${p.company}` : ""}
              </div>
            </td>
            <td className="max-w-md px-4 py-3 align-top">
              <span className="font-semibold tabular-nums">{p.score}</span>
              <span className="text-stone-500">
                {" "}
                {t("promoters.scoredOn", { date: formats.day(p.respondedAt) })}
              </span>
              {p.comment ? (
                <p className="mt-1 line-clamp-3 text-stone-700 dark:text-stone-300">
                  “{p.comment}”
                </p>
              ) : null}
            </td>
            <td className="px-4 py-3 align-top">
              <Badge tone={tone(p.stage)}>{labels[p.stage]}</Badge>
              {p.invitation && p.stage === "not_member" ? (
                <div className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                  {p.invitation.state === "open"
                    ? t("promoters.invitationOpenUntil", {
                        date: formats.day(p.invitation.expiresAt),
                      })
                    : (invitationLabel[p.invitation.state] ?? p.invitation.state)}
                </div>
              ) : null}
            </td>
            <td className="px-4 py-3 align-top">
              <RowActions p={p} busy={busy} />
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
