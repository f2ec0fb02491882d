// The Settings page for admins (/settings, in a browser and as the "Settings" Teams tab): people, quotas, pipeline,
// nurture, capture and the audit log, each a section over /api/admin. Anyone else gets the API's 403, and the page
// says plainly that it is for admins only.
import { SignInError } from "./api";
import { byId, el } from "./dom";
import { language, t } from "./language";
import { joinTeams } from "./teams-tab";
import { mountSettings } from "./settings-view";
import { AdminOnly } from "./settings-ui";

function status(text: string, error = false): void {
  const node = byId("status");
  node.className = error ? "status error" : "status";
  node.textContent = text;
}

function adminsOnly(): void {
  byId("sections").replaceChildren();
  byId("nav").replaceChildren();
  const notice = el("div", undefined, "panel admins-only");
  notice.id = "admins-only";
  notice.setAttribute("role", "alert");
  notice.append(el("h2", t("adminsOnlyTitle")), el("p", t("adminsOnly")));
  byId("sections").append(notice);
  status("");
}

async function start(): Promise<void> {
  await joinTeams();
  document.documentElement.lang = language() === "zh" ? "zh-Hans" : "en";
  document.title = `Collaboration · ${t("settingsTitle")}`;
  byId("title").textContent = t("settingsTitle");
  status(t("loading"));
  try {
    await mountSettings(byId("sections"), byId("nav"));
    status("");
    document.body.dataset.ready = "true";
  } catch (error) {
    if (error instanceof AdminOnly) return adminsOnly();
    status(error instanceof SignInError ? error.message : t("settingsFailed", { reason: error instanceof Error ? error.message : "?" }), true);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
