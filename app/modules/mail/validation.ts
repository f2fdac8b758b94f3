import { z } from "zod";
import type { DigestRhythm, MailRhythm } from "../../../db/tables/mail.ts";
import { CHOOSABLE_KINDS } from "./kinds.ts";

const rhythm = z.enum(["immediate", "digest", "never"], {
  errorMap: () => ({ message: "Choose immediately, in the digest, or never." }),
});

/** /settings/email: one rhythm per non-essential kind, and the digest's rhythm. */
export const MailPreferencesSchema = z
  .object({
    digest: z.enum(["daily", "weekly", "off"], {
      errorMap: () => ({ message: "Choose daily, weekly or off." }),
    }),
    ...Object.fromEntries(CHOOSABLE_KINDS.map((k) => [k.kind, rhythm])),
  })
  .transform((v) => {
    const { digest, ...kinds } = v as Record<string, string>;
    return { digest: digest as DigestRhythm, kinds: kinds as Record<string, MailRhythm> };
  });
