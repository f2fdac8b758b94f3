import {
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import { useCallback, useEffect, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { AppShell, type NavItem } from "./components/app-shell.tsx";
import { VerifyEmailBanner } from "./components/auth/verify-email-banner.tsx";
import { GeneralErrorBoundary } from "./components/error-boundary.tsx";
import { useNonce } from "./components/nonce.ts";
import { DEFAULT_LOCALE, i18nFor, LOCALE_TAGS, type Locale } from "./i18n/index.ts";
import { localeOf } from "./i18n/locale.server.ts";
import { RealtimeProvider, useSocketEvent } from "./components/realtime.tsx";
import { Toaster, useToasts } from "./components/ui/toast.tsx";
import { policy } from "./modules/access/policy.ts";
import { countUnread } from "./modules/notifications/inbox.server.ts";
import { getAuth, getViewer, renewedSessionCookie } from "./utils/auth.server.ts";
import { readToast } from "./utils/toast.server.ts";
import stylesheet from "./tailwind.css?url";

// A title for every page, including error pages that fall back to the root boundary.
export const meta: MetaFunction = () => [{ title: "Limelight" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await getAuth(request, context);
  const user = auth?.user ?? null;
  const viewer = user ? { id: user.id, role: user.role } : null;
  const { toast, setCookie } = await readToast(request);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  const renewed = await renewedSessionCookie(request, context);
  if (renewed) headers.append("Set-Cookie", renewed);

  const nav: NavItem[] = [
    { to: "/discussions", label: "nav.discussions" },
    { to: "/advocates", label: "nav.advocates" },
    { to: "/stories", label: "nav.stories" },
    { to: "/speaking", label: "nav.speaking" },
    { to: "/chapters", label: "nav.chapters" },
    { to: "/leaderboard", label: "nav.leaderboard" },
    { to: "/early-access", label: "nav.earlyAccess" },
  ];
  if (policy.useManagerTools(viewer)) nav.push({ to: "/manage", label: "nav.manage" });

  return json(
    {
      locale: await localeOf(request, context),
      user: user
        ? { id: user.id, handle: user.handle, displayName: user.displayName, role: user.role }
        : null,
      unconfirmedEmail: user && !user.emailVerified ? user.email : null,
      nav,
      toast,
      unreadNotifications: user
        ? await countUnread(context.db, await getViewer(request, context))
        : 0,
    },
    { headers },
  );
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The signed-in user, from any route component. */
export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

/** The language of this page: the root loader's choice, or the default on an error page without it. */
function useLocale(): Locale {
  return useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useLocale();
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LiveToasts({ flash }: { flash: RootData["toast"] }) {
  const { toasts, push, dismiss } = useToasts();
  useEffect(() => {
    if (flash) push({ ...flash, id: `flash-${flash.title}-${Date.now()}` });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flash]);
  const onToast = useCallback(
    (payload: { kind?: "success" | "info" | "error"; title: string; description?: string }) =>
      push({
        kind: payload.kind ?? "info",
        title: payload.title,
        description: payload.description,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useSocketEvent("toast", onToast);
  const stableDismiss = useCallback(dismiss, [dismiss]);
  return <Toaster toasts={toasts} onDismiss={stableDismiss} />;
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18nFor(useLocale())}>
      <Document>{children}</Document>
    </I18nextProvider>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <RealtimeProvider>
      <AppShell user={data.user} nav={data.nav} unreadNotifications={data.unreadNotifications}>
        {data.unconfirmedEmail ? <VerifyEmailBanner email={data.unconfirmedEmail} /> : null}
        <Outlet />
      </AppShell>
      <LiveToasts flash={data.toast} />
    </RealtimeProvider>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell
      user={data?.user ?? null}
      nav={data?.nav ?? [{ to: "/advocates", label: "nav.advocates" }]}
    >
      <GeneralErrorBoundary />
    </AppShell>
  );
}
