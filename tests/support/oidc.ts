import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** Someone with an account at the test identity provider; they sign in with `login`. */
export interface IdpAccount {
  email: string;
  email_verified: boolean;
  name?: string;
  groups?: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people the provider knows, by login (which is also their subject). */
  accounts: Map<string, IdpAccount>;
  /** The provider stops answering (an issuer that is down); `close` afterwards still works. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, with its development
 * login and consent pages) on a free port, with one confidential client
 * whose callback is `redirectUri`. PKCE is required, as real providers do.
 */
export async function startTestIdp(options: { redirectUri: string | string[] }): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  const clientId = "limelight-test";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The development defaults warn on every start; the tests know.
  const quiet = { warn: console.warn, log: console.log };
  console.warn = console.log = () => {};
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: ([] as string[]).concat(options.redirectUri),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups"],
    },
    cookies: { keys: ["test-idp-cookie-key"] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  Object.assign(console, quiet);
  handle = provider.callback();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { issuer, clientId, clientSecret, accounts, stop, close: stop };
}

/**
 * A person at the provider's own pages: follows the authorization URL,
 * signs in as `login` on the login form, continues on the consent page, and
 * returns the address the provider sends the browser back to (with the
 * code and state), without visiting it.
 */
export async function signInAtIdp(
  authorizationUrl: string,
  login: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  };
  let url = authorizationUrl;
  let response = await send(url);
  for (let step = 0; step < 12; step++) {
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("Location")!, url).href;
      if (url.startsWith(redirectUri)) return new URL(url);
      response = await send(url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`the provider answered ${response.status}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no interaction form at ${url}`);
    const fields: Record<string, string> =
      prompt === "login" ? { prompt, login, password: "any password" } : { prompt };
    response = await send(new URL(action, url).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
  throw new Error("the provider never sent the browser back");
}
