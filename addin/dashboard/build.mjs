// Bundles the pipeline dashboard (addin/dashboard/src) into the add-in's wwwroot: dashboard.js, the page's module, and
// dashboard-teams.js, the Teams tab support with the parts of @microsoft/teams-js it uses, which dashboard.js imports
// only inside Teams (a dynamic import kept as written, so a plain browser never fetches it).
// Run from the repository root: `npm run build:dashboard` (the add-in's csproj does this when the sources change).
import { build } from "esbuild";

const outdir = "addin/Collaboration.Addin/wwwroot";
const target = ["chrome100", "edge100", "safari15", "firefox100"];

/** Leaves `import("./dashboard-teams.js")` to the browser instead of bundling the Teams support into the page's module. */
const teamsBundleApart = {
  name: "teams-bundle-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/dashboard-teams\.js$/ }, args => ({ path: args.path, external: true }));
  },
};

await build({
  entryPoints: { dashboard: "addin/dashboard/src/dashboard.ts", settings: "addin/dashboard/src/settings.ts", deal: "addin/dashboard/src/deal.ts" },
  bundle: true,
  format: "esm",
  // Whitespace and syntax only: names stay readable in the served script (it is small, and read in the browser's tools).
  minifyWhitespace: true,
  minifySyntax: true,
  charset: "utf8",
  target,
  outdir,
  plugins: [teamsBundleApart],
  legalComments: "none",
  logLevel: "warning",
});
await build({
  entryPoints: { "dashboard-teams": "addin/dashboard/src/dashboard-teams.ts" },
  bundle: true,
  format: "esm",
  minify: true,
  target,
  outdir,
  legalComments: "none",
  logLevel: "warning",
});
