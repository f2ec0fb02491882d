// Settings › Capture: web forms (create with their allowed origins, copy the snippet, delete) and the ordered assignment
// rules for captured deals, and the free-mail domains.
import { el } from "./dom";
import { t, textOf } from "./language";
import { mountFreeMail } from "./settings-freemail";
import type { Person } from "./settings-people";
import { button, call, field, input, load, select, showProblems, Status } from "./settings-ui";

interface Form { key: string; name: string; allowedOrigins: string[]; revokedAt: string | null }
interface Rule { kind: string; country: string | null; emailDomainSuffix: string | null; assigneeObjectId: string | null; team: string | null }

const KINDS = ["territory", "accountOwner", "roundRobin"] as const;

async function forms(section: HTMLElement, status: Status): Promise<void> {
  const list = el("table");
  list.id = "forms";
  const snippet = el("textarea");
  snippet.readOnly = true;
  snippet.rows = 6;
  snippet.hidden = true;
  const reload = async (): Promise<void> => {
    const all = (await load<Form[]>("api/admin/forms")).filter(f => !f.revokedAt);
    list.replaceChildren(...all.map(form => {
      const row = el("tr");
      row.append(el("td", form.name), el("td", form.allowedOrigins.join(", ")), el("td", form.key));
      const actions = el("td");
      actions.append(button("snippet", async () => {
        const answer = await call<string>("GET", `api/admin/forms/${encodeURIComponent(form.key)}/snippet`);
        snippet.hidden = false;
        snippet.value = answer.ok ? answer.data ?? "" : answer.message;
      }, "small"), button("delete", async () => {
        const answer = await call<unknown>("DELETE", `api/admin/forms/${encodeURIComponent(form.key)}`);
        status.show(answer.ok ? t("deleted") : t("notSaved", { reason: answer.message }), !answer.ok);
        await reload();
      }, "small"));
      row.append(actions);
      return row;
    }));
  };
  const name = input("", "text", 100), origins = input("", "text", 1000);
  origins.placeholder = "https://www.contoso.com";
  const create = el("div", undefined, "row");
  create.append(field(t("formName"), name, "name"), field(t("formOrigins"), origins, "allowedOrigins"), button("createForm", async () => {
    const body = { name: name.value, allowedOrigins: origins.value.split(/[\s,]+/).filter(Boolean) };
    const answer = await call<Form>("POST", "api/admin/forms", body);
    showProblems(create, answer.problems, status);
    status.show(answer.ok ? t("saved") : t("notSaved", { reason: answer.message }), !answer.ok);
    if (answer.ok) { name.value = origins.value = ""; await reload(); }
  }));
  section.append(el("h3", t("webForms")), list, create, snippet);
  await reload();
}

async function rules(section: HTMLElement, status: Status, people: () => Person[]): Promise<void> {
  const box = el("div");
  const readers: (() => Rule)[] = [];
  const add = (rule: Rule): void => {
    const at = `[${readers.length}]`;
    const kind = select(KINDS.map(k => [k, textOf(`rule.${k}`)] as const), rule.kind);
    const country = input(rule.country, "text", 2), domain = input(rule.emailDomainSuffix, "text", 200), team = input(rule.team, "text", 100);
    const assignee = select([["", t("none")], ...people().map(p => [p.objectId, p.displayName] as const)], rule.assigneeObjectId);
    const row = el("div", undefined, "row");
    row.append(field(t("ruleKind"), kind, `${at}.kind`), field(t("country"), country, `${at}.country`), field(t("domainSuffix"), domain, `${at}.emailDomainSuffix`),
      field(t("assignee"), assignee, `${at}.assigneeObjectId`), field(t("team"), team, `${at}.team`));
    box.append(row);
    readers.push(() => ({ kind: kind.value, country: country.value || null, emailDomainSuffix: domain.value || null,
      assigneeObjectId: assignee.value || null, team: team.value || null }));
  };
  (await load<Rule[]>("api/admin/assignment-rules")).forEach(add);
  const save = async (): Promise<void> => {
    const answer = await call<Rule[]>("PUT", "api/admin/assignment-rules", readers.map(r => r()));
    showProblems(box, answer.problems, status);
    status.show(answer.ok ? t("saved") : t("notSaved", { reason: answer.message }), !answer.ok);
  };
  section.append(el("h3", t("assignmentRules")), box,
    button("addRule", () => add({ kind: "territory", country: null, emailDomainSuffix: null, assigneeObjectId: null, team: null }), "action secondary"),
    button("save", save));
}

export async function mountCapture(section: HTMLElement, people: () => Person[]): Promise<void> {
  const status = new Status();
  await forms(section, status);
  await rules(section, status, people);
  await mountFreeMail(section, status);
  section.append(...status.nodes());
}
