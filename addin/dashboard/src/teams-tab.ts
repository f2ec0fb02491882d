// The dashboard as a Teams tab: single sign-on, language and theme. Inside Teams the page is framed by the Teams client (or
// runs in its mobile webview): only then is dashboard-teams.js (teams-js) loaded, and the tab takes the user's Teams language
// (unless ?lang= says otherwise) and theme. A plain browser tab never downloads it and keeps its sign-in as it is
// (same-origin credentials, or the backend's loopback development sign-in).
import type { TeamsTab, Theme } from "./dashboard-teams";
import { pickLanguage, useLanguage } from "./language";

/** How long a framed page waits for a Teams host to answer before it carries on as a plain page. */
const TEAMS_HANDSHAKE_MS = 5000;

/** One request to Teams for an SSO token; its promise gives null when Teams gave none. */
export interface TokenRequest { readonly promise: Promise<string | null> }

const NO_TOKEN: TokenRequest = { promise: Promise.resolve(null) };

let teams: TeamsTab | null = null;
/** The latest request for a Teams SSO token. */
let latest: TokenRequest | null = null;
/** Why Teams gave no token the last time it was asked (its own words), for the sign-in error. */
let problem = "";

export const inTeams = (): boolean => teams !== null;

export const tokenProblem = (): string => problem;

export async function joinTeams(): Promise<void> {
  if (window.parent === window && !("nativeInterface" in window)) return;
  try {
    // Kept as written by the build (never bundled in): the browser fetches the Teams bundle only here.
    const { connect } = await import("./dashboard-teams.js");
    teams = await connect(TEAMS_HANDSHAKE_MS);
  } catch {
    teams = null;
  }
  if (!teams) return;
  useLanguage(pickLanguage(location.search, teams.locale));
  useTheme(teams.theme);
  teams.onThemeChange(useTheme);
}

function useTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/**
 * The Teams SSO token for the API. Teams is asked once, and again only by a call that the API refused with the current
 * request's token (`refused`, the request it used): however many calls saw that 401, Teams is asked once more. Requests,
 * not token values, are compared: Teams may well answer with the same cached token.
 */
export function tokenRequest(refused?: TokenRequest): TokenRequest {
  if (!teams) return NO_TOKEN;
  if (!latest || latest === refused) {
    latest = {
      promise: teams.token().then(
        token => { problem = ""; return token; },
        (error: unknown) => { problem = error instanceof Error ? error.message : String(error); return null; }),
    };
  }
  return latest;
}
