import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPES } from "../api-tokens.server.ts";
import { API_OPERATIONS } from "./resources.server.ts";
import { Problem } from "./schemas.ts";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

const pathParams = (path: string) => {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((n) => [n, z.string()])));
};

/** The OpenAPI 3.1 document of /api/v1, generated from the schemas that validate its requests. */
export function openApiDocument(publicUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
    description: `An API token from /manage/integrations/tokens. Scopes: ${Object.keys(API_SCOPES).join(", ")}.`,
  });
  for (const [operationId, op] of Object.entries(API_OPERATIONS)) {
    const o = op as (typeof API_OPERATIONS)[keyof typeof API_OPERATIONS] & {
      request?: z.ZodTypeAny;
      status?: number;
    };
    const query = "query" in o.operation ? (o.operation.query as z.AnyZodObject) : undefined;
    registry.registerPath({
      operationId,
      method: o.method,
      path: o.path,
      summary: o.summary,
      description: `Needs the \`${o.operation.scope}\` scope.`,
      security: [{ token: [] }],
      request: {
        params: pathParams(o.path),
        query,
        headers:
          o.method === "post"
            ? z.object({
                "Idempotency-Key": z.string().max(255).openapi({
                  description:
                    "Required. The same key with the same body answers the first result again; with another body, 422.",
                }),
              })
            : undefined,
        body: o.request
          ? { content: { "application/json": { schema: o.request } }, required: true }
          : undefined,
      },
      responses: {
        [o.status ?? 200]: {
          description: "OK",
          content: { "application/json": { schema: o.response } },
        },
        400: problem("Malformed JSON, or no Idempotency-Key"),
        401: problem("No token, or an unknown, revoked or expired one"),
        403: problem("The token lacks the scope, or its person may not do this"),
        404: problem("Not found"),
        ...(o.method === "post"
          ? {
              409: problem(
                "The change does not fit the current state (an unknown stage transition)",
              ),
              415: problem("The body is not application/json"),
            }
          : {}),
        422: problem("Fields that need attention (`errors` per field)"),
        429: problem("Too many requests for this token; see Retry-After"),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Limelight REST API",
      version: "1.0.0",
      description:
        "Advocates, their ledger, references, referrals, stories and NPS responses, for a CRM or a survey tool. Errors are RFC 9457 problem details. Lists are newest first with cursor pagination.",
    },
    servers: [{ url: `${publicUrl.replace(/\/+$/, "")}/api/v1` }],
  });
}
