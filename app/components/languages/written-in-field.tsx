import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/ui/field.tsx";
import { LOCALE_NAMES, LOCALE_TAGS } from "~/i18n/index.ts";
import { WRITTEN_IN } from "~/modules/languages/codes.ts";

/** "Written in": the language of what is being written, or "tell from my words". */
export function WrittenInField(props: { name: string; defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t("contentLanguage.writtenIn")}
      hint={t("contentLanguage.writtenInHint")}
      className="max-w-xs"
      {...props}
    >
      <option value="">{t("contentLanguage.detect")}</option>
      {WRITTEN_IN.map((language) => (
        <option key={language} value={language} lang={LOCALE_TAGS[language]}>
          {LOCALE_NAMES[language]}
        </option>
      ))}
    </SelectField>
  );
}
