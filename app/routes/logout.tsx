import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/utils/auth.server.ts";

// Signing out changes data, so it is POST only; a GET simply goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = await endSession(request, context);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
