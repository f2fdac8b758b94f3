import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceSelect } from "~/components/place-select.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

/**
 * "Talk to a customer like you": a plain GET to the directory, narrowed to
 * advocates who take reference conversations, in the place chosen here.
 */
export function FindAdvocateForm({ place, countries }: { place: string; countries: string[] }) {
  const { t } = useTranslation();
  return (
    <Card className="mt-8 p-5">
      <h2 className="text-lg font-semibold">{t("promoterWidgets.findTitle")}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {t("promoterWidgets.findBody")}
      </p>
      <Form method="get" action="/advocates" className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="openTo" value="open_to_references" />
        <div className="w-full sm:w-64">
          <PlaceSelect value={place} countries={countries} />
        </div>
        <Button type="submit">{t("promoterWidgets.findSubmit")}</Button>
      </Form>
    </Card>
  );
}
