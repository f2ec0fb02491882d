// Settings › Quotas: per rep or per team, for a month (2027-01) or a quarter (2027-Q1), with amount and currency. Rows are
// entered one by one, or pasted / read from a CSV (rep email or team, period, amount, currency), then saved together.
import { el } from "./dom";
import { numberFormat, t } from "./language";
import type { Person } from "./settings-people";
import { button, call, field, input, load, select, showProblems, Status } from "./settings-ui";

interface Quota { ownerObjectId: string | null; team: string | null; period: string; amount: number; currency: string }

const MAX_ROWS = 500;

export interface QuotaSection { people(list: Person[]): void }

export async function mountQuotas(section: HTMLElement): Promise<QuotaSection> {
  const status = new Status();
  let people: Person[] = [];
  const pending: Quota[] = [];
  const who = (q: Quota): string => q.team ? `${t("team")}: ${q.team}` : people.find(p => p.objectId === q.ownerObjectId)?.displayName ?? q.ownerObjectId ?? "";
  const rows = (list: Quota[], id: string): HTMLTableElement => {
    const table = el("table");
    table.id = id;
    const head = el("tr");
    head.append(...[t("quotaFor"), t("period"), t("amount"), t("currency")].map(h => el("th", h)));
    table.append(head, ...list.map((q, i) => {
      const row = el("tr");
      row.dataset.field = `[${i}]`;
      row.append(el("td", who(q)), el("td", q.period), el("td", numberFormat.format(q.amount), "num"), el("td", q.currency));
      return row;
    }));
    return table;
  };
  const saved = el("div"), queued = el("div");
  const period = input(defaultQuarter(), "text", 7);
  const reload = async (): Promise<void> => {
    saved.replaceChildren(rows(await load<Quota[]>(`api/admin/quotas?period=${encodeURIComponent(period.value.trim())}`), "quotas-saved"));
  };
  const drawPending = (): void => { queued.replaceChildren(rows(pending, "quotas-pending")); };

  const scope = select([["rep", t("rep")], ["team", t("team")]], "rep");
  const target = input("", "text", 200);
  target.setAttribute("list", "quota-targets");
  const targets = el("datalist");
  targets.id = "quota-targets";
  const amount = input("", "number"), currency = input("USD", "text", 3), rowPeriod = input(defaultQuarter(), "text", 7);
  const toQuota = (kind: string, name: string, when: string, sum: string, money: string): Quota | string => {
    const person = people.find(p => [p.email?.toLowerCase(), p.objectId, p.displayName.toLowerCase()].includes(name.trim().toLowerCase()));
    if (kind === "rep" && !person) return t("unknownPerson", { name });
    return { ownerObjectId: kind === "rep" ? person!.objectId : null, team: kind === "team" ? name.trim() : null, period: when.trim(), amount: Number(sum), currency: money.trim().toUpperCase() };
  };
  const add = (): void => {
    const quota = toQuota(scope.value, target.value, rowPeriod.value, amount.value, currency.value);
    if (typeof quota === "string") return status.show(quota, true);
    pending.push(quota);
    target.value = amount.value = "";
    drawPending();
  };
  const paste = el("textarea");
  paste.rows = 4;
  paste.placeholder = "rep,alex@contoso.com,2027-Q1,50000,USD\nteam,East,2027-Q1,200000,USD";
  const file = input("", "file");
  file.accept = ".csv,text/csv";
  file.addEventListener("change", () => void file.files?.[0]?.text().then(text => { paste.value = text; }));
  const addPasted = (): void => {
    const bad: string[] = [];
    for (const [n, line] of paste.value.split(/\r?\n/).slice(0, MAX_ROWS).entries()) {
      const cells = line.split(/[,\t;]/).map(c => c.trim());
      if (cells.every(c => c === "") || /^(scope|type|kind)$/i.test(cells[0] ?? "")) continue;
      const quota = cells.length === 5 ? toQuota(cells[0]!.toLowerCase(), cells[1]!, cells[2]!, cells[3]!, cells[4]!) : t("quotaLineShape");
      if (typeof quota === "string") bad.push(t("lineProblem", { line: String(n + 1), message: quota }));
      else pending.push(quota);
    }
    drawPending();
    status.show(bad.join(" "), bad.length > 0);
  };
  const save = async (): Promise<void> => {
    const answer = await call<Quota[]>("PUT", "api/admin/quotas", pending);
    showProblems(queued, answer.problems, status);
    if (!answer.ok) return status.show(t("notSaved", { reason: answer.message }), true);
    status.show(t("quotasSaved", { count: String(pending.length) }));
    pending.length = 0;
    drawPending();
    await reload();
  };
  const show = el("form", undefined, "row");
  show.addEventListener("submit", event => { event.preventDefault(); void reload(); });
  const go = el("button", t("show"), "action");
  show.append(field(t("period"), period), go);
  const entry = el("div", undefined, "row");
  entry.append(field(t("quotaScope"), scope), field(t("quotaFor"), target), targets, field(t("period"), rowPeriod), field(t("amount"), amount),
    field(t("currency"), currency), button("addRow", add, "action secondary"));
  const pasted = el("div", undefined, "row");
  pasted.append(field(t("quotaPaste"), paste), field(t("csvFile"), file), button("addRows", addPasted, "action secondary"));
  section.append(show, saved, entry, pasted, queued, button("saveQuotas", save), ...status.nodes());
  drawPending();
  await reload();
  return {
    people(list) {
      people = list;
      const teams = [...new Set(list.map(p => p.team).filter((x): x is string => !!x))];
      targets.replaceChildren(...[...list.map(p => p.email ?? p.objectId), ...teams].map(v => Object.assign(el("option"), { value: v })));
    },
  };
}

function defaultQuarter(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
