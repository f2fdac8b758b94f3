import { redirect, type AppLoadContext } from "@remix-run/node";
import { allowed as ruleAllows, type RuleArgs, type RuleName } from "~/modules/access/ensure.ts";
import type { Viewer } from "~/modules/access/policy.ts";
import { loadViewer } from "~/modules/viewer/viewer.server.ts";
import {
  clearSessionCookie,
  readCookie,
  serializeSessionCookie,
  sessionCookieName,
} from "~/modules/auth/cookie.ts";
import {
  createSession,
  invalidateSession,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "~/modules/auth/session.server.ts";

type Auth = { user: SessionUser; session: ValidSession } | null;
const cache = new WeakMap<Request, Promise<Auth>>();

/** The signed-in user and session for this request (looked up once per request). */
export function getAuth(request: Request, context: AppLoadContext): Promise<Auth> {
  let pending = cache.get(request);
  if (!pending) {
    const token = readCookie(
      request.headers.get("Cookie"),
      sessionCookieName(context.env.COOKIE_SECURE),
    );
    pending = token ? validateSessionToken(context.db, token) : Promise.resolve(null);
    cache.set(request, pending);
  }
  return pending;
}

export async function getUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null> {
  return (await getAuth(request, context))?.user ?? null;
}

const viewers = new WeakMap<Request, Promise<Viewer>>();
/** The person asking, with their standing, as the access policy sees them (once per request). */
export function getViewer(request: Request, context: AppLoadContext): Promise<Viewer> {
  let pending = viewers.get(request);
  if (!pending) {
    pending = getUser(request, context).then((user) => loadViewer(context.db, user));
    viewers.set(request, pending);
  }
  return pending;
}

function safeRedirectTo(to: string | null | undefined, fallback = "/"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines inside a URL, so "/\t/evil.example" would leave the site.
  if ([...to].some((ch) => ch <= " " || ch === "\u007f")) return fallback;
  return to;
}
export { safeRedirectTo };

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Sign-in and sign-up pages send signed-in people home. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if (await getUser(request, context)) throw redirect("/");
}

/** A policy rule that needs nothing but the viewer (`"useManagerTools"`, `"reviewStory"` …). */
export type ViewerRule = {
  [K in RuleName]: [] extends RuleArgs<K> ? K : never;
}[RuleName];

/**
 * Signed in and allowed by the policy, or a 403 response. The rule judges the
 * whole viewer (reputation, tier, privileges), not just the role:
 * `requireAllowed(request, context, "reviewStory")`.
 */
export async function requireAllowed(
  request: Request,
  context: AppLoadContext,
  rule: ViewerRule | ((viewer: Viewer) => boolean),
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const judged =
    typeof rule === "function"
      ? rule(viewer)
      : ruleAllows(rule, viewer, ...([] as unknown as RuleArgs<typeof rule>));
  if (!judged) {
    throw new Response("You do not have access to this page.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return user;
}

/**
 * Starts a fresh session (a new id on every sign-in, so a planted cookie is
 * useless) and ends the one the browser held before, if any.
 */
export async function startSession(
  request: Request,
  context: AppLoadContext,
  userId: number,
): Promise<string> {
  const previous = await getAuth(request, context);
  if (previous) await invalidateSession(context.db, previous.session.id);
  const { token, expiresAt } = await createSession(context.db, userId, {
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  return serializeSessionCookie(token, { secure: context.env.COOKIE_SECURE, expiresAt });
}

export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const auth = await getAuth(request, context);
  if (auth) await invalidateSession(context.db, auth.session.id);
  return clearSessionCookie(context.env.COOKIE_SECURE);
}

/** When a session's expiry slid forward, the cookie is re-sent with the new date. */
export async function renewedSessionCookie(
  request: Request,
  context: AppLoadContext,
): Promise<string | null> {
  const auth = await getAuth(request, context);
  if (!auth?.session.renewed) return null;
  const token = readCookie(
    request.headers.get("Cookie"),
    sessionCookieName(context.env.COOKIE_SECURE),
  );
  return token
    ? serializeSessionCookie(token, {
        secure: context.env.COOKIE_SECURE,
        expiresAt: auth.session.expiresAt,
      })
    : null;
}
