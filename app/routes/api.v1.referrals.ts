import { apiRoute } from "~/modules/integrations/api/handler.server.ts";
import { API_OPERATIONS } from "~/modules/integrations/api/resources.server.ts";

const route = apiRoute({
  GET: API_OPERATIONS.listReferrals.operation,
  POST: API_OPERATIONS.createReferral.operation,
});

export const loader = route.loader;
export const action = route.action;
