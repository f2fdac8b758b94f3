import { z } from "zod";
import { API_SCOPES } from "./api-tokens.server.ts";
import { WEBHOOK_EVENTS } from "./events.ts";

/**
 * The admin pages' forms. Checkbox groups (events, scopes) arrive as repeated
 * fields, so the route passes `formData.getAll(...)` joined with commas.
 */
const list = (known: Record<string, string>, empty: string) =>
  z
    .string()
    .default("")
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(
      z
        .array(z.string().refine((v) => Object.hasOwn(known, v), "Choose from the list."))
        .min(1, empty),
    );

const box = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const EndpointSchema = z.object({
  url: z.string().trim().min(1, "Enter the address that receives the webhooks.").max(2000),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
  events: list(WEBHOOK_EVENTS, "Choose at least one event."),
  allowPrivate: box,
  enabled: box,
});

export const TokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after the system that will use it.").max(100),
  scopes: list(API_SCOPES, "Choose at least one scope."),
  expiresInDays: z
    .string()
    .trim()
    .default("")
    .pipe(
      z.union([
        z.literal("").transform(() => null),
        z.coerce
          .number({ invalid_type_error: "Enter a number of days, or leave it empty." })
          .int("Enter a whole number of days.")
          .min(1, "At least one day.")
          .max(3650, "At most ten years (3650 days)."),
      ]),
    ),
});

export const IdSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The repeated checkbox fields, joined so the one form layer can read them. */
export function withGroups(formData: FormData, names: string[]): FormData {
  const out = new FormData();
  for (const [k, v] of formData.entries()) if (!names.includes(k)) out.append(k, v);
  for (const name of names) out.set(name, formData.getAll(name).map(String).join(","));
  return out;
}
