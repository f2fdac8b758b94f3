import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/modules/integrations/api/openapi.server.ts";

/** The OpenAPI 3.1 document, public: it describes the API, it holds no data. */
export function loader({ context }: LoaderFunctionArgs) {
  return Response.json(openApiDocument(context.env.PUBLIC_URL), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
