// The filter bar: period (named or custom dates), owner and team. Its values become the reports' query string.
import { getJson } from "./api";
import { byId, option } from "./dom";
import { t } from "./language";

interface Person { objectId: string; displayName: string; team: string | null }
interface Catalog { reports: string[]; people: Person[]; teams: string[] }

/** The first and last day (yyyy-MM-dd, UTC) of a named period around today; any other name is this quarter. */
export function periodRange(period: string, now: Date): { from: string; to: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const q = Math.floor(m / 3) * 3;
  const iso = (year: number, month: number, day: number): string => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
  switch (period) {
    case "this-month": return { from: iso(y, m, 1), to: iso(y, m + 1, 0) };
    case "last-quarter": return { from: iso(y, q - 3, 1), to: iso(y, q, 0) };
    case "this-year": return { from: iso(y, 0, 1), to: iso(y, 11, 31) };
    default: return { from: iso(y, q, 1), to: iso(y, q + 3, 0) };
  }
}

/** The reports' query string; a named period also fills the (hidden) custom dates. */
export function query(): URLSearchParams {
  const period = byId<HTMLSelectElement>("period").value;
  const fromInput = byId<HTMLInputElement>("from");
  const toInput = byId<HTMLInputElement>("to");
  if (period !== "custom") {
    const range = periodRange(period, new Date());
    fromInput.value = range.from;
    toInput.value = range.to;
  }
  const params = new URLSearchParams({ from: fromInput.value, to: toInput.value });
  const owner = byId<HTMLSelectElement>("owner").value;
  const team = byId<HTMLSelectElement>("team").value;
  if (owner) params.set("owner", owner);
  if (team) params.set("team", team);
  return params;
}

export function toggleCustom(): void {
  const custom = byId<HTMLSelectElement>("period").value === "custom";
  document.querySelectorAll<HTMLElement>(".filters .custom").forEach(node => { node.hidden = !custom; });
}

function fill(select: HTMLSelectElement, options: { value: string; label: string }[]): void {
  select.replaceChildren(option("", t("all")));
  for (const o of options) select.append(option(o.value, o.label));
}

/** The people and teams the viewer may filter by. */
export async function fillPickers(): Promise<void> {
  try {
    const catalog = await getJson<Catalog>("api/reports");
    fill(byId<HTMLSelectElement>("owner"), catalog.people.map(p => ({ value: p.objectId, label: p.displayName })));
    fill(byId<HTMLSelectElement>("team"), catalog.teams.map(team => ({ value: team, label: team })));
  } catch {
    // The pickers stay at "All"; the reports' refresh reports the failure.
  }
}
