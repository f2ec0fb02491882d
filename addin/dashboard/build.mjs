// Bundles the dashboard's Teams tab support (addin/dashboard/src/teams.ts and the parts of @microsoft/teams-js it uses) into
// the add-in's wwwroot/dashboard-teams.js, one ES module that dashboard.js imports only inside Teams. dashboard.js itself is
// plain JavaScript served as written. Run from the repository root: `npm run build:dashboard` (the add-in's csproj does this).
import { build } from "esbuild";

await build({
  entryPoints: { "dashboard-teams": "addin/dashboard/src/teams.ts" },
  bundle: true,
  format: "esm",
  minify: true,
  target: ["chrome100", "edge100", "safari15", "firefox100"],
  outdir: "addin/Collaboration.Addin/wwwroot",
  legalComments: "none",
  logLevel: "warning",
});
