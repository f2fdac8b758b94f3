import { z } from "zod";
import type { DigestRhythm, MailRhythm } from "../../../db/tables/mail.ts";
import { CHOOSABLE_KINDS } from "./kinds.ts";

const rhythm = z.enum(["immediate", "digest", "never"], {
  errorMap: () => ({ message: "Choose immediately, in the digest, or never." }),
});

/**
 * /settings/email: the digest's rhythm, and a rhythm for each non-essential
 * kind the form offered (a kind the person cannot receive is not offered).
 */
export const MailPreferencesSchema = z
  .object({
    digest: z.enum(["daily", "weekly", "off"], {
      errorMap: () => ({ message: "Choose daily, weekly or off." }),
    }),
    ...Object.fromEntries(CHOOSABLE_KINDS.map((k) => [k.kind, rhythm.optional()])),
  })
  .transform((v) => {
    const { digest, ...chosen } = v as Record<string, string | undefined>;
    const kinds = Object.fromEntries(Object.entries(chosen).filter(([, r]) => r !== undefined));
    return { digest: digest as DigestRhythm, kinds: kinds as Record<string, MailRhythm> };
  });
