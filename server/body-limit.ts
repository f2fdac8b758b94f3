import type { RequestHandler } from "express";
import { sendPlainPage } from "./plain-page.ts";

const MB = 1024 * 1024;

/** The largest body each kind of route accepts; the first prefix that matches wins. */
export const BODY_LIMITS: { prefix: string; bytes: number; what: string }[] = [
  // The NPS import takes a CSV file of up to 2 MB, or the same pasted, plus the form around it.
  { prefix: "/manage/promoters/import", bytes: 4 * MB + 64 * 1024, what: "import" },
];
/** Forms and everything else. */
export const DEFAULT_BODY_LIMIT = { bytes: 1 * MB, what: "form" };

export function bodyLimitFor(path: string) {
  return (
    BODY_LIMITS.find((l) => path === l.prefix || path.startsWith(`${l.prefix}/`)) ??
    DEFAULT_BODY_LIMIT
  );
}

/**
 * Refuses a body larger than its route accepts from its headers alone, before
 * a byte of it is read or parsed. A body without a declared length (chunked)
 * cannot be judged before reading it, so it is refused too: browsers always
 * declare the length of what they send.
 */
export function bodyLimit(): RequestHandler {
  return (req, res, next) => {
    const declared = req.get("content-length");
    const chunked = req.get("transfer-encoding") !== undefined;
    if (declared === undefined && !chunked) return next();
    const refuse = (status: number, words: Parameters<typeof sendPlainPage>[2]) => {
      // The rest of the body is never read: close the connection after answering.
      res.setHeader("Connection", "close");
      sendPlainPage(res, status, words);
      res.on("finish", () => req.destroy());
    };
    if (declared === undefined) {
      refuse(411, (t) => ({
        title: t("lengthRequiredTitle"),
        message: t("lengthRequiredMessage"),
      }));
      return;
    }
    const limit = bodyLimitFor(req.path);
    const length = Number(declared);
    if (length > limit.bytes) {
      refuse(413, (t) => ({
        title: t("tooLargeTitle"),
        message: t("tooLargeMessage", {
          what: limit.what,
          limit: Math.floor(limit.bytes / MB),
          size: (length / MB).toFixed(1),
        }),
      }));
      return;
    }
    next();
  };
}
