/**
 * The most common passwords of eight characters or more (from public breach
 * corpora). NIST 800-63B asks services to refuse known-compromised passwords
 * rather than to impose composition rules.
 */
export const COMMON_PASSWORDS = new Set([
  "12345678",
  "123456789",
  "1234567890",
  "password",
  "password1",
  "password12",
  "password123",
  "qwertyuiop",
  "qwerty123",
  "qwerty12345",
  "1q2w3e4r",
  "1q2w3e4r5t",
  "1qaz2wsx",
  "11111111",
  "00000000",
  "88888888",
  "87654321",
  "12341234",
  "11223344",
  "iloveyou",
  "iloveyou1",
  "sunshine",
  "princess",
  "football",
  "baseball",
  "welcome1",
  "welcome123",
  "abc12345",
  "abcd1234",
  "letmein1",
  "trustno1",
  "superman",
  "starwars",
  "whatever",
  "computer",
  "michelle",
  "jennifer",
  "qwertyui",
  "asdfghjk",
  "zxcvbnm1",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "admin123",
  "administrator",
  "changeme",
  "default1",
  "secret123",
  "master12",
  "monkey123",
  "dragon12",
  "shadow12",
  "football1",
  "baseball1",
  "1234qwer",
  "q1w2e3r4",
  "q1w2e3r4t5",
  "aa123456",
  "a1234567",
  "123123123",
  "123qweasd",
  "qweasdzxc",
  "google123",
  "limelight",
  "limelight1",
  "limelight123",
  "password!",
  "welcome!",
  "summer2024",
  "winter2024",
  "spring2025",
  "autumn2025",
  "123456789a",
  "987654321",
  "999999999",
  "666666666",
  "777777777",
  "1234567a",
  "zaq12wsx",
  "!qaz2wsx",
  "loveyou1",
  "mustang1",
  "access14",
  "charlie1",
  "jordan23",
  "hello123",
  "freedom1",
  "whatever1",
  "qazwsxedc",
  "asdfasdf",
  "asdf1234",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}

/**
 * Repetitive or sequential characters, which NIST 800-63B also names:
 * "aaaaaaaa", eight spaces, "abababab", "abcdefgh", "98765432".
 */
export function isPatternPassword(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true;
  const steps = chars.slice(1).map((ch, i) => ch.codePointAt(0)! - chars[i].codePointAt(0)!);
  return steps.every((step) => step === steps[0] && Math.abs(step) === 1);
}

export interface PersonalDetails {
  email?: string | null;
  handle?: string | null;
  displayName?: string | null;
}

/**
 * True when the password is, or contains, the person's own email, the part
 * before the @, their handle or their name (parts shorter than four characters
 * only when they are the whole password): the first guesses anyone would try.
 */
export function usesPersonalDetails(password: string, person: PersonalDetails): boolean {
  const squash = (v: string) => v.toLowerCase().replace(/[\s._-]+/g, "");
  const typed = squash(password);
  const email = person.email?.trim().toLowerCase() ?? "";
  const parts = [email, email.split("@")[0], person.handle ?? "", person.displayName ?? ""]
    .map(squash)
    .filter(Boolean);
  return parts.some((part) => typed === part || (part.length >= 4 && typed.includes(part)));
}
