import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { buttonClass } from "./ui/button.tsx";

const COPY: Record<number, { title: string; body: string }> = {
  400: {
    title: "That request did not make sense",
    body: "Something in the address or the form was not right.",
  },
  401: { title: "Please sign in", body: "You need to be signed in to see this page." },
  403: { title: "You do not have access", body: "This page is not open to your account." },
  404: {
    title: "Page not found",
    body: "We could not find what you were looking for. It may have moved, or it was never here.",
  },
  429: {
    title: "Slow down a little",
    body: "Too many requests in a short time. Please wait a moment and try again.",
  },
  500: {
    title: "Something went wrong",
    body: "An unexpected error happened on our side. Please try again in a moment.",
  },
};

/** The one error page: 404, 403, 500 and friends in the app's own style. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const copy = COPY[status] ?? COPY[500];
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && status < 500
      ? error.data
      : null;
  if (!isRouteErrorResponse(error) && typeof console !== "undefined") console.error(error);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
        Error {status}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{copy.title}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        {detail && detail !== copy.body ? detail : copy.body}
      </p>
      <div className="mt-8 flex gap-3">
        <Link to="/" className={buttonClass("primary")}>
          Go to the home page
        </Link>
        <Link to="/advocates" className={buttonClass("secondary")}>
          Browse advocates
        </Link>
      </div>
    </div>
  );
}
