// The dashboard as a Teams tab: joins the Teams host through @microsoft/teams-js, reads the user's locale and theme from the
// tab's context and gets Teams single sign-on tokens for the add-in API (the manifest's webApplicationInfo.resource).
// teams-tab.ts imports this bundle (wwwroot/dashboard-teams.js, built apart) only when the page is framed or in a Teams webview, so a
// plain browser never downloads it.
import { app, authentication } from "@microsoft/teams-js";

export type Theme = "default" | "dark" | "contrast";

export interface TeamsTab {
  /** The user's Teams language, e.g. "en-us" or "zh-cn". */
  readonly locale: string;
  readonly theme: Theme;
  onThemeChange(handler: (theme: Theme) => void): void;
  /** An access token for the add-in API from Teams SSO; rejects with Teams' reason when it cannot give one. */
  token(): Promise<string>;
}

/** The tab once a Teams host answered the handshake, or null when none did within the time given (not in Teams). */
export async function connect(timeoutMs: number): Promise<TeamsTab | null> {
  const context = await within(timeoutMs, app.initialize().then(() => app.getContext()));
  if (!context) return null;
  return {
    locale: context.app.locale,
    theme: theme(context.app.theme),
    onThemeChange: handler => app.registerOnThemeChangeHandler(name => handler(theme(name))),
    token: () => authentication.getAuthToken(),
  };
}

/** Teams also has "glass" and may add themes: anything but dark and high contrast is drawn light. */
function theme(name: string): Theme {
  return name === "dark" || name === "contrast" ? name : "default";
}

function within<T>(ms: number, work: Promise<T>): Promise<T | null> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(null), ms);
    work.then(value => { clearTimeout(timer); resolve(value); }, () => { clearTimeout(timer); resolve(null); });
  });
}
