// Bundles the Outlook task pane into the add-in's wwwroot: taskpane.js (ES module) and taskpane.css, plus a
// lazily loaded chunk for MSAL that is fetched only when Nested App Authentication is available.
// Run from the repository root: `npm run build:taskpane` (the add-in's csproj does this before every build).
import { build } from "esbuild";
import { rmSync } from "node:fs";

const outdir = "addin/Collaboration.Addin/wwwroot";
rmSync(`${outdir}/chunks`, { recursive: true, force: true });
await build({
  entryPoints: { taskpane: "addin/taskpane/src/taskpane.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  target: ["chrome100", "edge100", "safari15", "firefox100"],
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
});
await build({
  entryPoints: { taskpane: "addin/taskpane/taskpane.css" },
  bundle: true,
  minify: true,
  outdir,
  logLevel: "warning",
});
