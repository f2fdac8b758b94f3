import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** Links in mail carry a random token; only its SHA-256 is stored, so a leaked table opens nothing. */
export const hashToken = (token: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export function newToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

/** A token as it can appear in a link; anything else is refused before the database is asked. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);
