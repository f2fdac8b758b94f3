import { createHash } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { Viewer } from "../../access/policy.ts";
import type { CommandContext } from "../../commands/command.server.ts";
import { loadViewer } from "../../viewer/viewer.server.ts";
import { siteFromEnv, type SiteSettings } from "../../mail/settings.ts";
import { isDomainError } from "../../../utils/errors.ts";
import {
  checkApiToken,
  recallIdempotent,
  rememberIdempotent,
  releaseIdempotent,
  reserveIdempotent,
  type ApiScope,
} from "../api-tokens.server.ts";
import { ApiProblem, problemResponse } from "./problem.server.ts";

/** What an operation receives: the token's viewer (asked by the policy like any page's) and the input. */
export interface ApiCall<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string | undefined>;
  viewer: Viewer;
  scopes: string[];
  site: SiteSettings;
  /** For running commands, exactly as the pages do. */
  command: CommandContext;
}

export interface ApiOperation<B = undefined, Q = undefined> {
  scope: ApiScope;
  body?: z.ZodType<B, z.ZodTypeDef, unknown>;
  query?: z.ZodType<Q, z.ZodTypeDef, unknown>;
  run(call: ApiCall<B, Q>): Promise<{ status?: number; body: unknown }>;
}

const TOKEN_REFUSALS = {
  missing: "Send an API token as `Authorization: Bearer <token>`.",
  unknown: "This API token is not known.",
  revoked: "This API token was revoked.",
  expired: "This API token has expired.",
} as const;

/** zod's issues as messages per field ("contact_email": "Invalid email"). */
function fieldMessages(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    out[key] ??=
      issue.code === "unrecognized_keys"
        ? `Unknown field: ${issue.keys.join(", ")}.`
        : issue.message;
  }
  return out;
}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiProblem(422, "invalid_fields", `Some ${what} need attention.`, {
    errors: fieldMessages(result.error),
  });
}

async function readJson(request: Request): Promise<{ value: unknown; text: string }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json")
    throw new ApiProblem(415, "unsupported_media_type", "Send the body as application/json.");
  const text = await request.text();
  try {
    return { value: JSON.parse(text), text };
  } catch {
    throw new ApiProblem(400, "malformed_json", "The body is not valid JSON.");
  }
}

/** A domain error from a command or a read, as the API answers it. */
function fromDomain(error: unknown): ApiProblem | null {
  if (!isDomainError(error)) return null;
  if (error.fieldErrors)
    return new ApiProblem(error.status === 400 ? 422 : error.status, error.code, error.message, {
      errors: error.fieldErrors,
    });
  return new ApiProblem(error.status, error.code, error.message);
}

type Args = LoaderFunctionArgs | ActionFunctionArgs;

async function handle<B, Q>(
  { request, context, params }: Args,
  operation: ApiOperation<B, Q>,
): Promise<Response> {
  const site = siteFromEnv(context.env);
  let reserved: { tokenId: number; key: string } | null = null;
  try {
    const token = await checkApiToken(context.db, request.headers.get("authorization"));
    if (!token.ok) {
      if (token.reason === "rate_limited")
        throw new ApiProblem(
          429,
          "too_many_requests",
          `This token made too many requests. Try again in ${token.retryAfterSeconds} seconds.`,
          { headers: { "Retry-After": String(token.retryAfterSeconds) } },
        );
      throw new ApiProblem(401, `token_${token.reason}`, TOKEN_REFUSALS[token.reason], {
        headers: { "WWW-Authenticate": 'Bearer realm="limelight"' },
      });
    }
    if (!token.scopes.includes(operation.scope))
      throw new ApiProblem(
        403,
        "missing_scope",
        `This token lacks the “${operation.scope}” scope.`,
      );

    const url = new URL(request.url);
    const query = operation.query
      ? parse(operation.query, Object.fromEntries(url.searchParams), "query parameters")
      : (undefined as Q);
    let body = undefined as B;
    if (request.method === "POST") {
      const key = request.headers.get("idempotency-key")?.trim();
      if (!key || key.length > 255)
        throw new ApiProblem(
          400,
          "idempotency_key_required",
          "Send an Idempotency-Key header (up to 255 characters) with every POST.",
        );
      const json = await readJson(request);
      const requestHash = createHash("sha256")
        .update(`${request.method} ${url.pathname}\n${json.text}`)
        .digest("hex");
      if (!(await reserveIdempotent(context.db, token.tokenId, key, requestHash))) {
        const earlier = await recallIdempotent(context.db, token.tokenId, key, requestHash);
        if (earlier && !earlier.sameRequest)
          throw new ApiProblem(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was used with a different request.",
          );
        if (!earlier || earlier.status === 0)
          throw new ApiProblem(
            409,
            "idempotency_key_in_use",
            "A request with this Idempotency-Key is still being handled.",
          );
        return Response.json(earlier.body, {
          status: earlier.status,
          headers: { "Idempotent-Replayed": "true" },
        });
      }
      reserved = { tokenId: token.tokenId, key };
      body = operation.body ? parse(operation.body, json.value, "fields") : (undefined as B);
    }

    const viewer = await loadViewer(context.db, token.user);
    const answer = await operation.run({
      body,
      query,
      params,
      viewer,
      scopes: token.scopes,
      site,
      command: { db: context.db, viewer, publisher: context.realtime, site },
    });
    const status = answer.status ?? 200;
    if (reserved) await rememberIdempotent(context.db, { ...reserved, status, body: answer.body });
    return Response.json(answer.body, { status, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A refused request may be sent again with the same key once it is put right.
    if (reserved) await releaseIdempotent(context.db, reserved.tokenId, reserved.key);
    const problem = error instanceof ApiProblem ? error : fromDomain(error);
    if (problem) return problemResponse(site.publicUrl, problem);
    context.logger.error({ err: error }, "api request failed");
    return problemResponse(
      site.publicUrl,
      new ApiProblem(500, "internal", "Something went wrong on our side; nothing was changed."),
    );
  }
}

const methodNotAllowed = (publicUrl: string, allowed: string[]) =>
  problemResponse(
    publicUrl,
    new ApiProblem(405, "method_not_allowed", `Use ${allowed.join(" or ")} here.`, {
      headers: { Allow: allowed.join(", ") },
    }),
  );

/** A resource route's loader and action from its operations, one per method. */
export function apiRoute(operations: {
  GET?: ApiOperation<any, any>;
  POST?: ApiOperation<any, any>;
}) {
  const allowed = Object.keys(operations);
  return {
    loader: (args: LoaderFunctionArgs) =>
      operations.GET
        ? handle(args, operations.GET)
        : methodNotAllowed(args.context.env.PUBLIC_URL, allowed),
    action: (args: ActionFunctionArgs) =>
      operations.POST && args.request.method === "POST"
        ? handle(args, operations.POST)
        : methodNotAllowed(args.context.env.PUBLIC_URL, allowed),
  };
}

/** A keyset page's answer: `limit + 1` rows were read, the extra one says a next page exists. */
export function keysetAnswer<R extends { id: number }, T>(
  rows: R[],
  limit: number,
  shape: (row: R) => T,
) {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return {
    data: page.map(shape),
    next_cursor: more ? String(page[page.length - 1].id) : null,
  };
}
