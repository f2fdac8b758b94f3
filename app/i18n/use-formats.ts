import { useTranslation } from "react-i18next";
import { formatsFor, type Formats } from "~/utils/format.ts";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale } from "./index.ts";

/** Dates and numbers in the page's language, for components. */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(FORMAT_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE]);
}
