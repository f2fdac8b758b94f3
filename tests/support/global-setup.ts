import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * On PGlite, migrate once and dump the data directory; every test file then
 * starts from that template in well under a second. On PostgreSQL
 * (DATABASE_URL set) each test file migrates a schema of its own instead.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "limelight-template-"));
  const file = path.join(dir, "template.tar.gz");
  if (!process.env.DATABASE_URL) {
    const handle = await createDb({});
    await migrateToLatest(handle.db);
    const dump = await handle.pglite!.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
  }
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
