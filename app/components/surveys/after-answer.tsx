import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Linked, linkMark } from "~/components/advocacy/linked.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import type { FieldProps } from "~/utils/form-fields.ts";

/** A passive (7–8) is asked one more thing: what would make it a 10. */
export function ImprovementQuestion(props: {
  field: FieldProps;
  formError?: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="improve" />
        <FormError message={props.formError} />
        <TextAreaField label={t("survey.improve.label")} rows={4} {...props.field} />
        <Button type="submit" disabled={props.busy}>
          {t("survey.improve.send")}
        </Button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="skip" />
        <Button type="submit" variant="ghost" disabled={props.busy}>
          {t("survey.improve.skip")}
        </Button>
      </Form>
    </div>
  );
}

/** After publishing: one-click share intents, and an invitation to the community. */
export function SharePanel(props: {
  pageUrl: string;
  share: { linkedin: string; x: string };
  hasAccount: boolean;
}) {
  const { t } = useTranslation();
  const linkClass =
    "inline-flex items-center justify-center rounded-lg border border-stone-300 px-4 py-2 text-sm font-semibold hover:bg-stone-50 dark:border-stone-700 dark:hover:bg-stone-800";
  return (
    <div className="space-y-5" data-testid="share-panel">
      <Callout tone="success" title={t("survey.shared.published")}>
        <p>
          <Linked
            message={t("survey.shared.onWall", { link: linkMark })}
            link={
              <Link to="/testimonials" className="underline">
                {t("survey.shared.wall")}
              </Link>
            }
          />
        </p>
      </Callout>
      <div className="space-y-2">
        <h2 className="text-base font-semibold">{t("survey.shared.shareTitle")}</h2>
        <div className="flex flex-wrap gap-3">
          <a className={linkClass} href={props.share.linkedin} target="_blank" rel="noreferrer">
            {t("survey.shared.linkedin")}
          </a>
          <a className={linkClass} href={props.share.x} target="_blank" rel="noreferrer">
            {t("survey.shared.x")}
          </a>
        </div>
      </div>
      {props.hasAccount ? null : (
        <div className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 className="text-base font-semibold">{t("survey.shared.join")}</h2>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {t("survey.shared.joinBody")}
          </p>
          <Link
            to="/signup"
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("survey.shared.create")}
          </Link>
        </div>
      )}
    </div>
  );
}
