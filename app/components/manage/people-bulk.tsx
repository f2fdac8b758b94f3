import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass } from "~/components/ui/button.tsx";

const FORM_ID = "verify-many";

/** Above the people table: verify the ticked prospects in one go, or export everyone as CSV. */
export function PeopleBulkBar({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 p-3 dark:border-stone-800">
      <Form id={FORM_ID} method="post">
        <input type="hidden" name="intent" value="verify-many" />
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          {t("managePeople.verifySelected")}
        </Button>
      </Form>
      <a href="/manage/people.csv" download className={buttonClass("ghost", "sm")}>
        {t("managePeople.export")}
      </a>
    </div>
  );
}

/** The checkbox of one prospect, belonging to the bulk form above the table. */
export function SelectProspect({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      name="userId"
      value={id}
      form={FORM_ID}
      aria-label={t("managePeople.selectName", { name })}
      className="size-4"
    />
  );
}
