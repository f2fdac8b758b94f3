/** The session cookie, shared by pages and the socket handshake. */
export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/).
  return secure ? "__Host-limelight_session" : "limelight_session";
}

export function serializeSessionCookie(
  token: string,
  options: { secure: boolean; expiresAt?: Date },
): string {
  const parts = [
    `${sessionCookieName(options.secure)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (options.secure) parts.push("Secure");
  if (options.expiresAt) parts.push(`Expires=${options.expiresAt.toUTCString()}`);
  else parts.push("Max-Age=0");
  return parts.join("; ");
}

export function clearSessionCookie(secure: boolean): string {
  return serializeSessionCookie("", { secure });
}

/** Whether the header carries a cookie of this name at all (whatever its value). */
export function hasCookie(header: string | null | undefined, name: string): boolean {
  return Boolean(header?.split(";").some((part) => part.split("=", 1)[0].trim() === name));
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed value (a stray "%") is no session, not a server error.
      return null;
    }
  }
  return null;
}
