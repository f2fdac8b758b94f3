import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A side panel's list of facts (When, Where, Audience…): one label above each value. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="space-y-4 text-sm">{children}</dl>;
}

/** One labelled fact in `Facts`. Values read in medium weight unless `valueClassName` says otherwise. */
export function Fact({
  label,
  children,
  valueClassName = "font-medium",
}: {
  label: string;
  children: ReactNode;
  valueClassName?: string;
}) {
  return (
    <div>
      <dt className="text-stone-600 dark:text-stone-400">{label}</dt>
      <dd className={valueClassName || undefined}>{children}</dd>
    </div>
  );
}

/** When and where an event is: "Virtual", or its location. */
export function WhenWhere({
  when,
  isVirtual,
  location,
}: {
  when: string;
  isVirtual: boolean;
  location: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Fact label={t("ui.when")}>{when}</Fact>
      <Fact label={t("ui.where")}>{isVirtual ? t("ui.virtual") : location}</Fact>
    </>
  );
}
