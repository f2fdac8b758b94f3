import { apiRoute } from "~/modules/integrations/api/handler.server.ts";
import { API_OPERATIONS } from "~/modules/integrations/api/resources.server.ts";

export const { loader, action } = apiRoute({ GET: API_OPERATIONS.listReferences.operation });
