import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "./ui/avatar.tsx";
import { buttonClass } from "./ui/button.tsx";
import { Logo } from "./logo.tsx";
import { NotificationBell } from "./discussions/notification-bell.tsx";
import { LanguageMenu } from "./language-menu.tsx";
import { cn } from "~/utils/cn.ts";

export interface ShellUser {
  handle: string;
  displayName: string;
  role: string;
}

export interface NavItem {
  to: string;
  /** The message key of its label. */
  label: string;
}

function NavItems({ items, onPhone = false }: { items: NavItem[]; onPhone?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          className={({ isActive }) =>
            cn(
              "rounded-lg px-3 py-2 text-sm font-medium",
              onPhone && "block",
              isActive
                ? "bg-brand-50 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                : "text-stone-700 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white",
            )
          }
        >
          {t(item.label)}
        </NavLink>
      ))}
    </>
  );
}

/**
 * A <details> menu that closes once a page is chosen from it: on the click of a
 * link inside, and on any navigation (the back button, a form) while it is open.
 */
function MenuDisclosure({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  // Not on the first render: a menu opened before the page finished loading stays open.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (ref.current) ref.current.open = false;
  }, [key]);
  return (
    <details
      ref={ref}
      className={className}
      onClick={(event) => {
        if ((event.target as Element).closest("a") && ref.current) ref.current.open = false;
      }}
    >
      {children}
    </details>
  );
}

/** The signed-in person's own places: profile, requests and settings. */
function UserMenu({ user }: { user: ShellUser }) {
  const { t } = useTranslation();
  return (
    <MenuDisclosure className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-1.5 py-1 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
        <Avatar name={user.displayName} handle={user.handle} size="sm" />
        <span className="sr-only">{t("shell.accountMenu", { name: user.displayName })}</span>
        <svg
          viewBox="0 0 20 20"
          className="hidden h-4 w-4 sm:block"
          aria-hidden="true"
          fill="currentColor"
        >
          <path d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-50 mt-2 w-60 rounded-xl border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-800 dark:bg-stone-900">
        <p className="truncate px-3 pb-2 pt-1 text-sm">
          <span className="block font-semibold">{user.displayName}</span>
          <span className="text-stone-600 dark:text-stone-400">@{user.handle}</span>
        </p>
        <NavItems
          onPhone
          items={[
            { to: `/u/${user.handle}`, label: "shell.yourProfile" },
            { to: "/references", label: "shell.conversationRequests" },
            { to: "/settings", label: "shell.settings" },
          ]}
        />
      </div>
    </MenuDisclosure>
  );
}

export function AppShell({
  user,
  nav,
  children,
  unreadNotifications = 0,
}: {
  user: ShellUser | null;
  nav: NavItem[];
  children: ReactNode;
  unreadNotifications?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        {t("shell.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-950/90">
        <div className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 sm:gap-4 sm:px-6">
          <Link
            to="/"
            className="flex items-center gap-2 font-semibold tracking-tight text-stone-900 dark:text-white"
          >
            <Logo />
            <span className="sr-only text-lg sm:not-sr-only">Limelight</span>
          </Link>
          <nav aria-label={t("shell.mainNav")} className="hidden items-center gap-1 xl:flex">
            <NavItems items={nav} />
          </nav>
          <div className="ml-auto flex items-center gap-2">
            {user ? (
              <>
                <NotificationBell count={unreadNotifications} />
                <UserMenu user={user} />
                <Form method="post" action="/logout">
                  <button type="submit" className={buttonClass("secondary", "sm")}>
                    {t("shell.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login" className={buttonClass("ghost", "sm")}>
                  {t("shell.signIn")}
                </Link>
                <Link to="/signup" className={buttonClass("primary", "sm")}>
                  {t("shell.join")}
                </Link>
              </>
            )}
            <MenuDisclosure className="relative xl:hidden">
              <summary
                className="flex h-9 w-9 cursor-pointer list-none items-center justify-center rounded-lg hover:bg-stone-100 dark:hover:bg-stone-800"
                aria-label={t("shell.openMenu")}
              >
                <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true" fill="currentColor">
                  <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
                </svg>
              </summary>
              <nav
                aria-label={t("shell.mainNavPhone")}
                className="absolute right-0 mt-2 w-56 space-y-1 rounded-xl border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-800 dark:bg-stone-900"
              >
                <NavItems items={nav} onPhone />
              </nav>
            </MenuDisclosure>
          </div>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white py-8 text-sm text-stone-600 dark:border-stone-800 dark:bg-stone-950 dark:text-stone-400">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>
            <span className="font-semibold text-stone-800 dark:text-stone-200">Limelight</span>{" "}
            {t("shell.tagline")}
          </p>
          <p>{t("shell.pointsPromise")}</p>
          <LanguageMenu />
        </div>
      </footer>
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 pb-6 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl dark:text-white">
          {title}
        </h1>
        {description ? (
          <p className="mt-1 max-w-2xl text-stone-600 dark:text-stone-400">{description}</p>
        ) : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

export function Container({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn("mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10", className)}>{children}</div>
  );
}
