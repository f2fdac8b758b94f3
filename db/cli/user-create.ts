import { z } from "zod";
import { ROLES } from "../schema.ts";
import { FieldError } from "../../app/utils/errors.ts";
import { createUser } from "../../app/modules/auth/users.server.ts";
import { personalPasswordCheck, SignUpFields } from "../../app/modules/auth/validation.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { fail, openCliDatabase, parseArgs } from "./open.ts";

// npm run user:create -- --role admin --email ada@example.com [--handle ada] [--name "Ada"] [--password …]
// Without --password, the password is read from LIMELIGHT_PASSWORD.
const args = parseArgs();
const email = String(args.email ?? "");
const parsed = SignUpFields.extend({ role: z.enum(ROLES) })
  .superRefine(personalPasswordCheck("password"))
  .safeParse({
    email,
    handle: String(args.handle ?? email.split("@")[0]?.replace(/[^a-zA-Z0-9_-]/g, "-") ?? ""),
    displayName: String(args.name ?? email.split("@")[0] ?? ""),
    password: String(args.password ?? process.env.LIMELIGHT_PASSWORD ?? ""),
    role: String(args.role ?? "prospect"),
  });
if (!parsed.success) {
  fail(
    "Could not create the user:\n" +
      parsed.error.issues
        .map((i) => `  --${i.path[0] === "displayName" ? "name" : i.path[0]}: ${i.message}`)
        .join("\n") +
      "\nUsage: npm run user:create -- --role admin --email you@example.com --password '…' [--handle you] [--name 'Your Name']",
  );
}
const handle = await openCliDatabase();
try {
  // Nobody is signed in at the console: the command runs as the community itself, and is audited.
  const user = await createUser(contextFor(handle.db, null), parsed.data);
  console.log(`Created ${parsed.data.role} ${user.email} (@${user.handle}).`);
} catch (error) {
  if (error instanceof FieldError) fail(error.message);
  throw error;
} finally {
  await handle.close();
  handle.release();
}
