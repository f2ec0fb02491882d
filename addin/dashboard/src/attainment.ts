// The attainment panel: each rep's and team's quota for the periods the filter covers, what they won against it, and the
// coverage of their open weighted pipeline against what remains (GET api/reports/attainment).
import { barChart, table } from "./charts";
import { byId, el } from "./dom";
import { numberFormat, t } from "./language";
import type { Report } from "./reports";

export interface AttainmentRow {
  scope: "rep" | "team"; ownerId: string | null; team: string | null; period: string; currency: string;
  quota: number; won: number; weighted: number; remaining: number; attainment: number | null; coverage: number | null;
}

const percent = (value: number | null): string => (value === null ? "—" : `${numberFormat.format(value * 100)}%`);

/** Owner names from the filter bar's owner picker (the people the viewer may see). */
function ownerName(id: string | null): string {
  const picked = [...byId<HTMLSelectElement>("owner").options].find(o => o.value === id);
  return picked?.textContent ?? id ?? "";
}

export function drawAttainment(report: Report<AttainmentRow>): void {
  const panel = byId("attainment");
  const rows = report.rows;
  const who = (r: AttainmentRow): string => (r.scope === "team" ? `${t("team")}: ${r.team ?? ""}` : ownerName(r.ownerId));
  if (rows.length === 0) {
    panel.querySelector(".chart")?.replaceChildren(el("p", t("empty"), "empty"));
    panel.querySelector(".table")?.replaceChildren();
    return;
  }
  const bars = rows.map(r => ({ label: `${who(r)} · ${r.period}`, value: (r.attainment ?? 0) * 100, text: percent(r.attainment) }));
  panel.querySelector(".chart")?.replaceChildren(barChart(bars, false));
  panel.querySelector(".table")?.replaceChildren(table(
    [t("quotaFor"), t("period"), t("quota"), t("won"), t("attained"), t("remaining"), t("weighted"), t("coverage")],
    rows.map(r => [who(r), r.period, `${numberFormat.format(r.quota)} ${r.currency}`, r.won, percent(r.attainment), r.remaining, r.weighted,
      r.coverage === null ? "—" : `${numberFormat.format(r.coverage)}×`])));
}
