import { z } from "zod";

/**
 * Field builders shared by every form's schema, so that a link, a checkbox
 * or a trimmed text is validated, and explained, the same way everywhere.
 */

const WEB_LINK = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

/** An optional web link: empty, or a full http(s) address under `max` characters. */
export const optionalUrl = (what: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} link under ${max.toLocaleString("en-US")} characters.`)
    .refine((v) => v === "" || WEB_LINK.test(v), {
      message: `Enter a full ${what} link starting with https://, or leave it empty.`,
    })
    .default("");

/** An optional secure link: empty, or a well-formed https address under `max` characters. */
export const optionalHttpsUrl = (what: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} link under ${max.toLocaleString("en-US")} characters.`)
    .refine((v) => v === "" || isHttpsUrl(v), {
      message: `Enter the full ${what} link, starting with https://, or leave it empty.`,
    })
    .default("");

function isHttpsUrl(value: string): boolean {
  if (!WEB_LINK.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === "https:" && !url.username && !url.password && url.hostname.includes(".")
    );
  } catch {
    return false;
  }
}

/** A trimmed text up to `max` characters, empty when not given. */
export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max.toLocaleString("en-US")} characters.`)
    .default("");

/** An HTML checkbox: ticked ("on", "true") or not (absent, "", "false"). */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");
