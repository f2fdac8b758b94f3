import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** The SHA-256 (hex) kept in place of a link's token. */
export const hashLinkToken = (token: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** 32 random bytes, URL-safe: the secret in a personal link. */
export function newLinkToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

/** Whether a string can be one of our tokens at all (a forged or truncated one is refused early). */
export const isLinkTokenShape = (token: string) => /^[A-Za-z0-9_-]{40,50}$/.test(token);
