import type { HeadersFunction } from "@remix-run/node";

/**
 * A loader that knows its page is the same for every anonymous visitor sets
 * this header, with tags naming what the page shows ("thread:42"); the server
 * may then keep the page and answer other visitors with it until something
 * it shows changes (server/page-cache.ts). Never set it for a signed-in
 * viewer, nor on a page whose content depends on the visitor.
 */
export const SHARED_CACHE_HEADER = "Limelight-Shared-Cache";

/** Headers for a loader's answer: shared when there is no viewer, with these tags. */
export function sharedWhenAnonymous(viewer: unknown, tags: string[]): HeadersInit {
  return viewer ? {} : { [SHARED_CACHE_HEADER]: tags.join(" ") };
}

/** A route's `headers` export that lets its loader's sharing mark reach the document. */
export const forwardSharedCache: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  const marker = loaderHeaders.get(SHARED_CACHE_HEADER);
  if (marker) headers.set(SHARED_CACHE_HEADER, marker);
  return headers;
};
