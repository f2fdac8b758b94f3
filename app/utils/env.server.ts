import path from "node:path";
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** PostgreSQL schema to use (defaults to public); lets tests and benchmarks keep to their own. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, "must be a lowercase SQL identifier")
    .default("public"),
  /** PostgreSQL: longest wait to open a connection or get a free one from the pool. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  /** PostgreSQL: longest a single statement may run (0 turns the limit off). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** PostgreSQL: a transaction left idle this long is ended by the server, releasing its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed the demo community when the database is empty on start-up. */
  SEED_ON_START: booleanish.default("true"),
  /** Cookies get Secure and the __Host- prefix; defaults to on in production. */
  COOKIE_SECURE: booleanish.optional(),
  /** Writes (POST, PUT, PATCH, DELETE) one client IP may send per minute. */
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** How long an anonymous page may be answered from the shared page cache; 0 turns it off (defaults to 10 s in production). */
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).optional(),
  /** Memory the shared page cache may use, in MiB. */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1).default(64),
  /** Number of proxies in front of the app (for client IPs in rate limits). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Where people reach the site: canonical and share links are built from it, never from the Host header. */
  PUBLIC_URL: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return /^https?:$/.test(url.protocol) && url.pathname === "/" && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, "must be an http:// or https:// origin, like https://community.example.com")
    .transform((v) => new URL(v).origin)
    .optional(),
  /** A bearer token for GET /metrics; unset, only the machine itself (loopback) may read it. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** The mail server (smtp:// or smtps://, with user and password); unset keeps mail in /manage/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** Who messages come from. */
  MAIL_FROM: z.string().min(3).default("Limelight <no-reply@limelight.localhost>"),
  /**
   * The mailbox named in List-Unsubscribe's mailto: link. Unset: `unsubscribe@`
   * the domain of MAIL_FROM.
   */
  MAIL_UNSUBSCRIBE_TO: z.string().email("must be an email address").optional(),
  /** How often the outbox worker looks for messages to deliver. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(2000),
  /** How long a worker holds a message it is sending before another worker may take it over. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Days after a promoter invitation when a reminder follows, comma separated ("" sends none). */
  PROMOTER_REMINDER_DAYS: z
    .string()
    .default("3,7")
    .refine(
      (v) => v.split(",").every((s) => s.trim() === "" || /^\d{1,3}$/.test(s.trim())),
      "must be whole numbers of days, comma separated, like 3,7",
    )
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number)
        .filter((n) => n > 0),
    ),
  /** Extra origins allowed to send state-changing requests and open sockets, comma separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Seals secrets kept in the database (the sign-in provider's client secret); set your own in production. */
  SETTINGS_ENCRYPTION_KEY: z
    .string()
    .min(16, "must be at least 16 characters")
    .default("limelight-embedded-default-settings-key"),
  /** Single sign-on: the OpenID Connect issuer; set, it replaces what an admin saved at /manage/settings/sign-in. */
  OIDC_ISSUER: z
    .string()
    .url("must be the issuer's URL, like https://login.example.com")
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The words on the sign-in button. */
  OIDC_BUTTON_LABEL: z.string().min(1).max(60).optional(),
  /** A claim (like groups) and the value in it that makes someone a verified customer. */
  OIDC_ADVOCATE_CLAIM: z.string().min(1).max(100).optional(),
  OIDC_ADVOCATE_VALUE: z.string().min(1).max(200).optional(),
  /** Whether people may still sign up with a password when single sign-on is on. */
  OIDC_PASSWORD_SIGN_UP: booleanish.optional(),
});

const CheckedEnvSchema = EnvSchema.superRefine((env, ctx) => {
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID)
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_CLIENT_ID"],
      message: "is needed with OIDC_ISSUER",
    });
  if (!env.OIDC_ISSUER && (env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET))
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "is needed with OIDC_CLIENT_ID",
    });
  if (Boolean(env.OIDC_ADVOCATE_CLAIM) !== Boolean(env.OIDC_ADVOCATE_VALUE))
    ctx.addIssue({
      code: "custom",
      path: [env.OIDC_ADVOCATE_CLAIM ? "OIDC_ADVOCATE_VALUE" : "OIDC_ADVOCATE_CLAIM"],
      message: "OIDC_ADVOCATE_CLAIM and OIDC_ADVOCATE_VALUE go together",
    });
});

export type Env = z.infer<typeof EnvSchema> & {
  COOKIE_SECURE: boolean;
  DATA_DIR: string;
  PAGE_CACHE_TTL_MS: number;
  PUBLIC_URL: string;
};

export class EnvError extends Error {}

/** Reads and validates the environment once at boot; a bad variable stops the process with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = CheckedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    PAGE_CACHE_TTL_MS: env.PAGE_CACHE_TTL_MS ?? (env.NODE_ENV === "production" ? 10_000 : 0),
    // `npm start` on this machine is reached at localhost on its port.
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  };
}
