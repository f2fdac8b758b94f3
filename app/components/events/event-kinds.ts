import { useTranslation } from "react-i18next";

/** Each kind of event by its stored value, in the page's language. */
export function useEventKinds(): Record<string, string> {
  const { t } = useTranslation();
  return {
    meetup: t("events.kind.meetup"),
    webinar: t("events.kind.webinar"),
    seminar: t("events.kind.seminar"),
    user_group: t("events.kind.userGroup"),
  };
}
