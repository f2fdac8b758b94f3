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
import { closeSession, openSession } from "~/modules/auth/sessions.server.ts";
import {
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "~/modules/auth/session.server.ts";

type Auth = { user: SessionUser; session: ValidSession } | null;

/**
 * What is looked up once per request. Remix hands every loader its own copy
 * of the Request, but one load context per request: a GET (which runs no
 * action, so nothing can sign in or out half-way) shares one lookup between
 * all its loaders through the context. A POST keeps one per Request copy, so
 * the loaders after an action that signed in or out look again.
 */
function perRequest<T>() {
  const byRequest = new WeakMap<Request, Promise<T>>();
  const byContext = new WeakMap<AppLoadContext, Map<string, Promise<T>>>();
  return (request: Request, context: AppLoadContext, make: () => Promise<T>): Promise<T> => {
    if (request.method === "GET" || request.method === "HEAD") {
      let forContext = byContext.get(context);
      if (!forContext) byContext.set(context, (forContext = new Map()));
      const key = request.headers.get("Cookie") ?? "";
      let pending = forContext.get(key);
      if (!pending) forContext.set(key, (pending = make()));
      return pending;
    }
    let pending = byRequest.get(request);
    if (!pending) byRequest.set(request, (pending = make()));
    return pending;
  };
}

const auths = perRequest<Auth>();
/** The signed-in user and session for this request (looked up once per request). */
export function getAuth(request: Request, context: AppLoadContext): Promise<Auth> {
  return auths(request, context, () => {
    const token = readCookie(
      request.headers.get("Cookie"),
      sessionCookieName(context.env.COOKIE_SECURE),
    );
    return token ? validateSessionToken(context.db, token) : Promise.resolve(null);
  });
}

export async function getUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null> {
  return (await getAuth(request, context))?.user ?? null;
}

const viewers = perRequest<Viewer>();
/** The person asking, with their standing, as the access policy sees them (once per request). */
export function getViewer(request: Request, context: AppLoadContext): Promise<Viewer> {
  return viewers(request, context, () =>
    getUser(request, context).then((user) => loadViewer(context.db, user)),
  );
}

/**
 * A place on this site to send a person back to, as a path, or the fallback.
 * The target is resolved the way a browser would (dot segments, backslashes,
 * stripped tabs), and both it and the path we answer with must stay on the
 * site's own origin; the answer is serialised by the URL parser, so it is
 * ASCII and safe in a Location header.
 */
function safeRedirectTo(
  to: string | null | undefined,
  fallback = "/",
  siteOrigin = "http://localhost",
): string {
  if (!to) return fallback;
  // Browsers drop tabs and newlines inside a URL, so "/\t/evil.example" would leave the site.
  if ([...to].some((ch) => ch <= " " || ch === "\u007f")) return fallback;
  const origin = new URL(siteOrigin).origin;
  let target: URL;
  try {
    target = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/x/../\\evil.example" resolves to the path "//evil.example", which is another site again.
  if (new URL(path, origin).origin !== origin) return fallback;
  return path;
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
/** Sessions open and close before anyone is known to the policy: they run as no one. */
const sessionContext = (context: AppLoadContext) => ({
  db: context.db,
  viewer: null,
  publisher: context.realtime,
});

export async function startSession(
  request: Request,
  context: AppLoadContext,
  userId: number,
): Promise<string> {
  const previous = await getAuth(request, context);
  const { token, expiresAt } = await openSession(sessionContext(context), {
    userId,
    previousSessionId: previous?.session.id,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  return serializeSessionCookie(token, { secure: context.env.COOKIE_SECURE, expiresAt });
}

export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const auth = await getAuth(request, context);
  if (auth) await closeSession(sessionContext(context), { sessionId: auth.session.id });
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
