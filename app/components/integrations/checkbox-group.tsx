import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/ui/field.tsx";

/**
 * The sentences of a group's options (webhook events) in the page's
 * language, by option name; an option without a translation keeps its sentence.
 */
export function useOptionText(group: "eventText") {
  const { t } = useTranslation();
  return (options: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(options).map(([value, sentence]) => [
        value,
        t(`integrations.${group}.${value.replace(/[.:]/g, "_")}`, { defaultValue: sentence }),
      ]),
    );
}

/** A group of checkboxes sent as one repeated field (events, scopes), its message below. */
export function CheckboxGroup({
  legend,
  name,
  options,
  chosen,
  error,
}: {
  legend: string;
  name: string;
  options: Record<string, string>;
  chosen: string[];
  error?: string;
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">{legend}</legend>
      <div className="space-y-2">
        {Object.entries(options).map(([value, sentence]) => (
          <CheckboxField
            key={value}
            name={name}
            value={value}
            label={value}
            description={sentence}
            defaultChecked={chosen.includes(value)}
          />
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
