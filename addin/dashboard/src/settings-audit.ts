// Settings › Audit log: every configuration change and admin action (who, when, before and after) between two dates,
// and the same as a CSV download.
import { get } from "./api";
import { el } from "./dom";
import { locale, t } from "./language";
import type { Person } from "./settings-people";
import { button, field, input, load, Status } from "./settings-ui";

interface Entry { at: string; actorObjectId: string; action: string; before: string | null; after: string | null }

export async function mountAudit(section: HTMLElement, people: () => Person[]): Promise<void> {
  const status = new Status();
  const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const from = input(day(-30), "date"), to = input(day(0), "date");
  const table = el("table");
  table.id = "audit";
  const query = (): string => new URLSearchParams({ from: from.value, to: to.value }).toString();
  const show = async (): Promise<void> => {
    const entries = await load<Entry[]>(`api/admin/audit?${query()}`);
    const name = (id: string): string => people().find(p => p.objectId === id)?.displayName ?? id;
    const head = el("tr");
    head.append(...[t("when"), t("who"), t("what"), t("before"), t("after")].map(h => el("th", h)));
    table.replaceChildren(head, ...entries.map(e => {
      const row = el("tr");
      row.append(el("td", new Date(e.at).toLocaleString(locale())), el("td", name(e.actorObjectId)), el("td", e.action),
        el("td", e.before ?? "", "json"), el("td", e.after ?? "", "json"));
      return row;
    }));
    status.show(t("auditCount", { count: String(entries.length) }));
  };
  const csv = async (): Promise<void> => {
    const response = await get(`api/admin/audit?${query()}`, "text/csv");
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(el("a"), { href: url, download: `audit-${from.value}-${to.value}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const bar = el("div", undefined, "row");
  bar.append(field(t("from"), from, "from"), field(t("to"), to, "to"), button("show", show), button("csv", csv, "action secondary"));
  section.append(bar, table, ...status.nodes());
  await show();
}
