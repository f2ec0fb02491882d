// The dashboard's two views for admins: Reports (the panels and the import) and Settings (the same sections as the
// /settings page, mounted here the first time the view is opened). Anyone else sees the reports only, with no tabs.
import { el } from "./dom";
import { t } from "./language";
import type { Me } from "./me";
import { mountSettings } from "./settings-view";

/** What belongs to the Reports view: hidden while Settings is shown. */
const REPORT_PARTS = ["#filters", "#status", "main.grid", "#import"];

export function offerSettings(me: Me | null, header: HTMLElement): void {
  if (!me?.isAdmin) return;
  const tabs = el("div", undefined, "views");
  tabs.setAttribute("role", "tablist");
  const tab = (id: string, text: string): HTMLButtonElement => {
    const button = el("button", text, "view-tab");
    Object.assign(button, { type: "button", id });
    button.setAttribute("role", "tab");
    tabs.append(button);
    return button;
  };
  const reports = tab("view-reports", t("reportsView")), settings = tab("view-settings", t("settingsTitle"));
  const page = Object.assign(el("a", t("settingsOwnPage"), "settings-link"), { href: `settings${location.search}`, id: "settings-link" });
  const nav = el("nav", undefined, "nav"), status = el("p", undefined, "status"), sections = el("div", undefined, "sections");
  status.setAttribute("role", "status");
  const view = el("section", undefined, "settings settings-view");
  Object.assign(view, { id: "settings-view", hidden: true });
  view.setAttribute("role", "tabpanel");
  view.append(nav, page, status, sections);
  document.body.append(view);
  let mounted: Promise<void> | null = null;
  const show = (which: "reports" | "settings"): void => {
    reports.setAttribute("aria-selected", String(which === "reports"));
    settings.setAttribute("aria-selected", String(which === "settings"));
    document.querySelectorAll<HTMLElement>(REPORT_PARTS.join(",")).forEach(part => { part.hidden = which === "settings"; });
    view.hidden = which !== "settings";
    if (which === "settings" && !mounted) {
      status.textContent = t("loading");
      mounted = mountSettings(sections, nav).then(() => {
        status.textContent = "";
        view.dataset.ready = "true";
      }, (error: unknown) => {
        status.className = "status error";
        status.textContent = t("settingsFailed", { reason: error instanceof Error ? error.message : "?" });
      });
    }
  };
  reports.addEventListener("click", () => show("reports"));
  settings.addEventListener("click", () => show("settings"));
  header.append(tabs);
  show("reports");
}
