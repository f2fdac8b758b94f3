import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiProblem, problemResponse } from "~/modules/integrations/api/problem.server.ts";

const notFound = ({ context }: LoaderFunctionArgs) =>
  problemResponse(
    context.env.PUBLIC_URL,
    new ApiProblem(404, "not_found", "There is no such API resource; see /api/v1/openapi.json."),
  );

export const loader = notFound;
export const action = notFound;
