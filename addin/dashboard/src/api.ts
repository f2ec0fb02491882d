// Every API call of the page. URLs are relative so the page works under any path prefix, in a browser and as a Teams tab.
import { locale, t } from "./language";
import type { TextKey } from "./texts";
import { inTeams, tokenProblem, tokenRequest } from "./teams-tab";

/** Inside Teams: the API refused the tab's calls even with a fresh token, or Teams gave none. The message is the user's. */
export class SignInError extends Error {}

type Init = Omit<RequestInit, "headers"> & { headers?: Record<string, string> };

function signed(init: Init, token: string | null): RequestInit {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": locale(), ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  return { ...init, headers, credentials: "same-origin" };
}

/**
 * One call. Inside Teams it carries the Teams SSO token as Bearer; a 401 gets a fresh token and one more try, and a second
 * 401 is a sign-in failure.
 */
export async function send(path: string, init: Init = {}): Promise<Response> {
  const used = tokenRequest();
  let response = await fetch(path, signed(init, await used.promise));
  if (response.status === 401 && inTeams()) {
    response = await fetch(path, signed(init, await tokenRequest(used).promise));
    if (response.status === 401) throw new SignInError(t("signInFailed", { reason: tokenProblem() || "401" }));
  }
  return response;
}

export async function get(path: string, accept = "application/json"): Promise<Response> {
  const response = await send(path, { headers: { Accept: accept } });
  if (!response.ok) throw new Error(String(response.status));
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await get(path)).json()) as T;
}

/** The problem+json detail (or validation messages) of a refused request. */
async function problem(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: Record<string, string[]>; detail?: string; title?: string };
    const errors = body.errors ? Object.values(body.errors).flat().join(" ") : "";
    return errors || body.detail || body.title || String(response.status);
  } catch {
    return String(response.status);
  }
}

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await send(path, { method: "POST", body: form });
  if (!response.ok) throw new Error(await problem(response));
  return (await response.json()) as T;
}

/** What to tell the user about a failed call: a sign-in failure as it is, anything else inside the message `key`. */
export function explain(error: unknown, key: TextKey): string {
  return error instanceof SignInError ? error.message : t(key, { reason: error instanceof Error ? error.message : "?" });
}
