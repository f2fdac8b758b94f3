import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { buttonClass } from "./ui/button.tsx";

/** The title and sentence of each error page, in the reader's language. */
function copyFor(status: number, t: TFunction): { title: string; body: string } {
  switch (status) {
    case 400:
      return { title: t("errors.badRequestTitle"), body: t("errors.badRequestBody") };
    case 401:
      return { title: t("errors.unauthorizedTitle"), body: t("errors.unauthorizedBody") };
    case 403:
      return { title: t("errors.forbiddenTitle"), body: t("errors.forbiddenBody") };
    case 404:
      return { title: t("errors.notFoundTitle"), body: t("errors.notFoundBody") };
    case 429:
      return { title: t("errors.tooManyTitle"), body: t("errors.tooManyBody") };
    default:
      return { title: t("errors.serverTitle"), body: t("errors.serverBody") };
  }
}

/** The one error page: 404, 403, 500 and friends in the app's own style. */
export function GeneralErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const copy = copyFor(status, t);
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && status < 500
      ? error.data
      : null;
  if (!isRouteErrorResponse(error) && typeof console !== "undefined") console.error(error);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
        {t("errors.status", { status: String(status) })}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{copy.title}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        {detail && detail !== copy.body ? detail : copy.body}
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link to="/" className={buttonClass("primary")}>
          {t("errors.goHome")}
        </Link>
        <Link to="/advocates" className={buttonClass("secondary")}>
          {t("errors.browseAdvocates")}
        </Link>
      </div>
    </div>
  );
}
