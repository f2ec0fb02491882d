// Nested App Authentication through MSAL: loaded as its own chunk, only when the host supports NAA, so the
// pane's first render never waits for it.
import { createNestablePublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";

let application: Promise<IPublicClientApplication> | undefined;

export async function naaToken(clientId: string, authority: string | null, scopes: string[], interactive: boolean): Promise<string> {
  application ??= createNestablePublicClientApplication({ auth: { clientId, ...(authority ? { authority } : {}) } });
  const app = await application;
  try {
    return (await app.acquireTokenSilent({ scopes })).accessToken;
  } catch (silentFailure) {
    if (!interactive) throw silentFailure;
    return (await app.acquireTokenPopup({ scopes })).accessToken;
  }
}
