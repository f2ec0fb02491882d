// Who is signed in, from one call (GET api/me): the page shows admin parts only when the server says so.
import { send } from "./api";

export interface Me { objectId: string; displayName: string; isAdmin: boolean; locale: string }

/** The signed-in person, or null when the call failed (not signed in yet, offline): then nothing admin-only is shown. */
export async function whoAmI(): Promise<Me | null> {
  try {
    const response = await send("api/me");
    return response.ok ? ((await response.json()) as Me) : null;
  } catch {
    return null;
  }
}
