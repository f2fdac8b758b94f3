import { apiRoute } from "~/modules/integrations/api/handler.server.ts";
import { API_OPERATIONS } from "~/modules/integrations/api/resources.server.ts";

const route = apiRoute({ GET: API_OPERATIONS.getLedger.operation });

export const loader = route.loader;
export const action = route.action;
