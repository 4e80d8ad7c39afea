/**
 * `npm start`: the whole platform locally, from a fresh clone.
 * 1. creates `.dev.vars` from `.dev.vars.example` with fresh random secrets when missing;
 * 2. applies the D1 migrations to the local database;
 * 3. seeds the catalog (idempotent upserts);
 * 4. runs `wrangler dev` on 127.0.0.1:$PORT (default 8787) with local D1, Queues and DOs.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogSeedStatements, renderSqlScript } from "../workers/catalog/seed";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wranglerPackage = createRequire(import.meta.url).resolve("wrangler/package.json");
const wranglerBin = join(dirname(wranglerPackage), "bin", "wrangler.js");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

function wrangler(args: string[]): void {
  const result = spawnSync(process.execPath, [wranglerBin, ...args], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`wrangler ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

/** Creates .dev.vars with random local secrets; never overwrites a developer's file. */
function ensureDevVars(): void {
  const target = join(root, ".dev.vars");
  if (existsSync(target)) return;
  const example = readFileSync(join(root, ".dev.vars.example"), "utf8");
  writeFileSync(target, example.replace(/__GENERATED__/g, () => randomBytes(32).toString("hex")), { mode: 0o600 });
  console.log("Created .dev.vars with fresh local secrets");
}

ensureDevVars();
wrangler(["d1", "migrations", "apply", "DB", "--local"]);
const seedFile = join(root, ".wrangler", "seed-catalog.sql");
mkdirSync(dirname(seedFile), { recursive: true });
writeFileSync(seedFile, renderSqlScript(catalogSeedStatements()));
wrangler(["d1", "execute", "DB", "--local", `--file=${seedFile}`]);

const port = process.env.PORT ?? "8787";
const dev = spawn(
  process.execPath,
  [wranglerBin, "dev", "--ip", "127.0.0.1", "--port", port, "--show-interactive-dev-session=false"],
  { cwd: root, stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
