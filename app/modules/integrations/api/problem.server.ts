import { STATUS_CODES } from "node:http";

/** An answer the API gives instead of going on: becomes RFC 9457 problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** `application/problem+json`, with a type that points at the reference page's section for it. */
export function problemResponse(publicUrl: string, problem: ApiProblem): Response {
  const body = {
    type: `${publicUrl.replace(/\/+$/, "")}/api/v1/reference#problem-${problem.code}`,
    title: STATUS_CODES[problem.status] ?? "Error",
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...problem.extra.headers,
    },
  });
}
