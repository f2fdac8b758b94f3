import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { notFound } from "~/utils/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("errors.notFoundMeta") },
  { name: "robots", content: "noindex" },
];

// Any address no other route claims: a real 404 status with the app's error page.
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
