import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Secrets kept in the database (an identity provider's client secret) are
 * sealed with AES-256-GCM under a key derived from SETTINGS_ENCRYPTION_KEY,
 * so a copy of the database alone does not reveal them. The stored form is
 * `base64url(iv).base64url(ciphertext || tag)`.
 */
const keyFor = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

export function seal(plaintext: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The plaintext, or null when the value was sealed under another key or altered. */
export function unseal(sealed: string, secret: string): string | null {
  const [ivText, bodyText] = sealed.split(".");
  if (!ivText || !bodyText) return null;
  try {
    const body = Buffer.from(bodyText, "base64url");
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(secret),
      Buffer.from(ivText, "base64url"),
    );
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
