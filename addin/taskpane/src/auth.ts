// A bearer token for the backend's own API scope: Nested App Authentication when the host has it, else Office SSO
// (legacy but still widely available). Without either, a backend in development mode is used unsigned.
import type { PaneConfig } from "./api";

export type SignIn = { kind: "token"; token: string } | { kind: "anonymous" } | { kind: "signedOut" };

export async function signIn(config: PaneConfig, interactive: boolean): Promise<SignIn> {
  if (config.clientId) {
    if (Office.context.requirements?.isSetSupported?.("NestedAppAuth", "1.1")) {
      try {
        const { naaToken } = await import("./naa");
        return { kind: "token", token: await naaToken(config.clientId, config.authority, config.scopes, interactive) };
      } catch {
        // fall through to Office SSO
      }
    }
    if (typeof Office.auth?.getAccessToken === "function") {
      try {
        const token = await Office.auth.getAccessToken({ allowSignInPrompt: interactive, allowConsentPrompt: interactive, forMSGraphAccess: false });
        return { kind: "token", token };
      } catch {
        // no SSO either
      }
    }
  }
  return config.devMode ? { kind: "anonymous" } : { kind: "signedOut" };
}
