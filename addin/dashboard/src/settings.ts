// The Settings page for admins (/settings, in a browser and as the "Settings" Teams tab): people, quotas, pipeline,
// nurture, capture and the audit log, each a section over /api/admin. Anyone else gets the API's 403, and the page
// says plainly that it is for admins only.
import { SignInError } from "./api";
import { byId, el } from "./dom";
import { language, t } from "./language";
import { joinTeams } from "./teams-tab";
import { mountAudit } from "./settings-audit";
import { mountCapture } from "./settings-capture";
import { mountNurture } from "./settings-nurture";
import { mountPeople, type Person } from "./settings-people";
import { mountPipeline, type PipelineSettings } from "./settings-pipeline";
import { mountQuotas } from "./settings-quotas";
import { AdminOnly, load } from "./settings-ui";
import type { TextKey } from "./texts";

const SECTIONS = ["people", "quotas", "pipeline", "nurture", "capture", "audit"] as const satisfies readonly TextKey[];

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
  const nav = byId("nav");
  const sections = new Map(SECTIONS.map(key => {
    const section = el("section", undefined, "panel");
    section.id = `section-${key}`;
    section.append(el("h2", t(key)));
    const link = Object.assign(el("a", t(key)), { href: `#section-${key}` });
    nav.append(link);
    return [key, section] as const;
  }));
  try {
    const pipeline = await load<PipelineSettings>("api/admin/pipeline");
    byId("sections").append(...sections.values());
    const names = new Map(pipeline.stages.map(s => [s.key, language() === "zh" ? s.name.zh : s.name.en]));
    let people: Person[] = [];
    const quotas = await mountQuotas(sections.get("quotas")!);
    await mountPeople(sections.get("people")!, list => { people = list; quotas.people(list); });
    await Promise.all([
      mountPipeline(sections.get("pipeline")!),
      mountNurture(sections.get("nurture")!, key => names.get(key) ?? key),
      mountCapture(sections.get("capture")!, () => people),
      mountAudit(sections.get("audit")!, () => people),
    ]);
    status("");
    document.body.dataset.ready = "true";
  } catch (error) {
    if (error instanceof AdminOnly) return adminsOnly();
    status(error instanceof SignInError ? error.message : t("settingsFailed", { reason: error instanceof Error ? error.message : "?" }), true);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
