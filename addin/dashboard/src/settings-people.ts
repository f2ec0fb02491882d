// Settings › People: search, team, manager, admin flag, active; bulk reassignment of a person's open deals; the
// email/team/manager CSV import and the sync from Entra.
import { el } from "./dom";
import { t } from "./language";
import { button, call, checkbox, field, input, load, select, showProblems, Status } from "./settings-ui";

export interface Person {
  objectId: string; displayName: string; email: string | null; team: string | null; managerObjectId: string | null;
  isAdmin: boolean; active: boolean; openDeals: number;
}

interface SyncReport { added: number; changed: number; deactivated: number }
interface ReassignResult { reassigned: string[]; failed: string[] }

const label = (p: Person): string => (p.email ? `${p.displayName} <${p.email}>` : p.displayName);

function personRow(person: Person, everyone: Person[], status: Status, reload: () => Promise<void>): HTMLTableRowElement {
  const row = el("tr");
  row.dataset.person = person.email ?? person.objectId;
  const team = input(person.team, "text", 100);
  const managers = [["", t("none")] as const, ...everyone.filter(p => p.objectId !== person.objectId).map(p => [p.objectId, label(p)] as const)];
  const manager = select(managers, person.managerObjectId);
  const admin = checkbox(person.isAdmin), active = checkbox(person.active);
  const save = async (): Promise<void> => {
    const change: Record<string, unknown> = {};
    if (team.value.trim() !== (person.team ?? "")) change.team = team.value.trim();
    if (manager.value !== (person.managerObjectId ?? "")) change.managerObjectId = manager.value;
    if (admin.checked !== person.isAdmin) change.isAdmin = admin.checked;
    if (active.checked !== person.active) change.active = active.checked;
    const answer = await call<Person>("PATCH", `api/admin/people/${encodeURIComponent(person.objectId)}`, change);
    showProblems(row, answer.problems, status);
    // The table is drawn anew before the status says so: what the admin types next is not lost to the redraw.
    if (answer.ok) await reload();
    status.show(answer.ok ? t("savedPerson", { name: person.displayName }) : t("notSaved", { reason: answer.message }), !answer.ok);
  };
  const cell = (...nodes: Node[]): void => { const td = el("td"); td.append(...nodes); row.append(td); };
  cell(el("strong", person.displayName), el("br"), el("small", person.email ?? ""));
  cell(field(t("team"), team, "team"));
  cell(field(t("manager"), manager, "managerObjectId"));
  cell(field(t("admin"), admin, "isAdmin"));
  cell(field(t("active"), active, "active"));
  cell(el("small", t("deals")), el("br"), el("span", String(person.openDeals), "num"));
  cell(button("save", save, "small"));
  return row;
}

function reassign(everyone: Person[], status: Status, reload: () => Promise<void>): HTMLElement {
  const from = select([["", "—"], ...everyone.filter(p => p.openDeals > 0).map(p => [p.objectId, `${label(p)} (${p.openDeals})`] as const)], "");
  const to = select([["", "—"], ...everyone.filter(p => p.active).map(p => [p.objectId, label(p)] as const)], "");
  const box = el("div", undefined, "row");
  box.append(field(t("reassignFrom"), from, "fromObjectId"), field(t("reassignTo"), to, "toObjectId"), button("reassign", async () => {
    const answer = await call<ReassignResult>("POST", "api/admin/people/reassign", { fromObjectId: from.value, toObjectId: to.value });
    showProblems(box, answer.problems, status);
    status.show(answer.ok && answer.data ? t("reassigned", { count: String(answer.data.reassigned.length), failed: String(answer.data.failed.length) })
      : t("notSaved", { reason: answer.message }), !answer.ok);
    if (answer.ok) await reload();
  }));
  return box;
}

function importer(status: Status, reload: () => Promise<void>): HTMLElement {
  const text = el("textarea");
  text.rows = 4;
  text.placeholder = "email,team,manager email";
  const file = input("", "file");
  file.accept = ".csv,text/csv";
  file.addEventListener("change", () => void file.files?.[0]?.text().then(content => { text.value = content; }));
  const box = el("div", undefined, "row");
  box.append(field(t("peopleCsv"), text, "file"), field(t("csvFile"), file), button("importPeople", async () => {
    const answer = await call<{ people: number }>("POST", "api/admin/people/import", text.value, "text/csv");
    showProblems(box, answer.problems, status);
    status.show(answer.ok && answer.data ? t("imported", { count: String(answer.data.people) }) : t("notSaved", { reason: answer.message }), !answer.ok);
    if (answer.ok) await reload();
  }));
  return box;
}

export async function mountPeople(section: HTMLElement, changed: (people: Person[]) => void): Promise<void> {
  const status = new Status();
  const search = input("", "search", 200), team = input("", "search", 100);
  const table = el("table", undefined, "people");
  const tools = el("div");
  const reload = async (): Promise<void> => {
    const query = new URLSearchParams({ search: search.value, team: team.value });
    const [shown, everyone] = await Promise.all([load<Person[]>(`api/admin/people?${query}`), load<Person[]>("api/admin/people")]);
    table.replaceChildren(...shown.map(p => personRow(p, everyone, status, reload)));
    tools.replaceChildren(reassign(everyone, status, reload), importer(status, reload));
    changed(everyone);
  };
  const sync = button("syncEntra", async () => {
    status.show(t("syncing"));
    const answer = await call<SyncReport>("POST", "api/admin/people/sync");
    status.show(answer.ok && answer.data ? t("synced", { added: String(answer.data.added), changed: String(answer.data.changed), deactivated: String(answer.data.deactivated) })
      : t("syncFailed", { reason: answer.message }), !answer.ok);
    if (answer.ok) await reload();
  }, "action secondary");
  const bar = el("form", undefined, "row");
  bar.addEventListener("submit", event => { event.preventDefault(); void reload(); });
  const go = el("button", t("search"), "action");
  go.type = "submit";
  bar.append(field(t("searchPeople"), search), field(t("team"), team), go, sync);
  section.append(bar, table, tools, ...status.nodes());
  await reload();
}
