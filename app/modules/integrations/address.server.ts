import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { FieldError } from "../../utils/errors.ts";

/** Whether an address is on the public internet (not loopback, private, link-local, reserved …). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/**
 * A URL an endpoint may have: http(s) only, no credentials in it, and HTTPS
 * in production unless the admin allowed private addresses for it (an
 * internal receiver on the company's own network). Throws a FieldError on
 * `url` with the sentence to show.
 */
export function checkEndpointUrl(
  text: string,
  options: { production: boolean; allowPrivate: boolean },
): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FieldError(
      "url",
      "Enter a full address, such as https://crm.example.com/hooks.",
      422,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new FieldError("url", "The address must start with https://.", 422);
  if (url.username || url.password)
    throw new FieldError(
      "url",
      "Put no user name or password in the address; the secret signs each delivery.",
      422,
    );
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !options.allowPrivate)
    throw new FieldError(
      "url",
      "This address is on a private or loopback network. Allow private addresses for this endpoint if that is intended.",
      422,
    );
  if (options.production && url.protocol !== "https:" && !options.allowPrivate)
    throw new FieldError(
      "url",
      "Webhooks are sent over HTTPS only: the address must start with https://.",
      422,
    );
  return url;
}

/** The refusal a delivery records when a name resolves to an address it may not reach. */
export class PrivateAddressError extends Error {
  constructor(readonly address: string) {
    super(`Refused: the endpoint resolves to ${address}, a private or loopback address.`);
  }
}

/**
 * A DNS lookup for outgoing requests that refuses non-public addresses at
 * connect time: the address checked is the address connected to, so a name
 * that resolves differently later (DNS rebinding) cannot reach inside.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) return callback(new PrivateAddressError(refused.address), "", 4);
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}
