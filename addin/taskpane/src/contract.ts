// The deal's contract and what follows it: the recorded contract (or a form to record it), payment and delivery
// milestones (overdue ones marked) with one click to mark them paid or delivered, and a form to add one.
import { h } from "./dom";
import { buttons, field, formatDate, input, select, withFieldErrors, type DealContext } from "./forms";
import { quotes, type Contract, type Milestone, type MilestoneKind } from "./quote-api";
import { fill, money, quoteTexts } from "./quote-texts";

export function contractPanel(context: DealContext): HTMLElement {
  const q = quoteTexts(context.locale);
  const panel = h("section", { id: "deal-contract", class: "panel", "aria-labelledby": "contract-title", "aria-busy": "true" },
    h("h3", { id: "contract-title", class: "section-title" }, q.contract),
    h("p", { class: "muted" }, context.locale.t.loading));
  Promise.all([quotes.contract(context.api, context.deal.id), quotes.milestones(context.api, context.deal.id)]).then(([contract, milestones]) => {
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(contract ? contractFacts(context, contract) : contractForm(context),
      h("h3", { id: "milestones-title", class: "section-title" }, q.milestones),
      milestoneList(context, milestones), milestoneForm(context));
  }, (e: unknown) => {
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(h("p", { class: "field-error" }, e instanceof Error ? e.message : String(e)));
  });
  return panel;
}

function contractFacts(context: DealContext, contract: Contract): HTMLElement {
  const q = quoteTexts(context.locale);
  const link = contract.documentLink && /^https:\/\//i.test(contract.documentLink)
    ? h("a", { href: contract.documentLink, target: "_blank", rel: "noopener noreferrer" }, q.contractDocument) : null;
  return h("p", { "data-testid": "contract" },
    fill(q.contractFact, { date: formatDate(contract.signedOn, context.locale), value: money(contract.value, contract.currency, context.locale) }),
    link ? " · " : null, link);
}

function contractForm(context: DealContext): HTMLElement {
  const q = quoteTexts(context.locale);
  const signedOn = input("contract-signed-on", "date", null);
  const link = input("contract-link", "url", null, { maxlength: "2000" });
  const value = input("contract-value", "number", null, { min: "0", step: "any", inputmode: "decimal" });
  const record = h("button", { id: "contract-record", type: "submit", class: "button" }, q.recordContract);
  const form = h("form", { id: "contract-form", class: "subpanel", novalidate: true },
    h("p", { class: "muted", "data-testid": "no-contract" }, q.noContract),
    field("contract-signed-on", q.signedOn, signedOn), field("contract-link", q.documentLink, link),
    field("contract-value", q.contractValue, value), buttons(record));
  const controls = { signedOn: "contract-signed-on", "convert.invalid_document_link": "contract-link", value: "contract-value" };
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(record, () => withFieldErrors(form, controls, context.announce, async () => {
      await quotes.recordContract(context.api, context.deal.id, {
        signedOn: signedOn.value, documentLink: link.value.trim() || null, value: value.value.trim() === "" ? null : Number(value.value),
      });
      await context.refresh(q.contractRecorded);
    }));
  });
  return form;
}

function milestoneList(context: DealContext, milestones: Milestone[]): HTMLElement {
  const q = quoteTexts(context.locale);
  if (milestones.length === 0) return h("p", { class: "muted", "data-testid": "no-milestones" }, q.noMilestones);
  const list = h("ul", { class: "milestones", "aria-labelledby": "milestones-title", "data-testid": "milestones" });
  for (const m of milestones) {
    const done = m.kind === "payment" ? m.paidOn : m.deliveredOn;
    const button = done ? null : h("button", { type: "button", class: "button small" }, m.kind === "payment" ? q.markPaid : q.markDelivered);
    button?.addEventListener("click", () => void context.act(button, async () => {
      await quotes.milestoneDone(context.api, context.deal.id, m.id);
      await context.refresh(m.kind === "payment" ? q.markedPaid : q.markedDelivered);
    }));
    const state = done
      ? fill(m.kind === "payment" ? q.paidOn : q.deliveredOn, { date: formatDate(done, context.locale) })
      : fill(q.due, { date: formatDate(m.dueOn, context.locale) });
    list.appendChild(h("li", { class: m.overdue ? "milestone overdue" : "milestone", "data-testid": "milestone", "data-overdue": String(m.overdue) },
      h("span", { class: "badge" }, q[`kind_${m.kind}`]),
      m.description ? ` ${m.description}` : null,
      m.amount !== null ? ` · ${money(m.amount, m.currency ?? context.deal.currency, context.locale)}` : null,
      h("span", { class: "muted" }, ` · ${state}`),
      m.overdue ? h("span", { class: "badge overdue", "data-testid": "overdue" }, q.overdue) : null,
      button));
  }
  return list;
}

function milestoneForm(context: DealContext): HTMLElement {
  const q = quoteTexts(context.locale);
  const kind = select("milestone-kind", { payment: q.kind_payment, delivery: q.kind_delivery }, "payment");
  const description = input("milestone-description", "text", null, { maxlength: "200" });
  const amount = input("milestone-amount", "number", null, { min: "0", step: "any", inputmode: "decimal" });
  const dueOn = input("milestone-due", "date", null);
  const add = h("button", { id: "milestone-add", type: "submit", class: "button" }, q.addMilestone);
  const form = h("form", { id: "milestone-form", class: "subpanel", novalidate: true },
    field("milestone-kind", q.kind, kind), field("milestone-description", q.milestoneDescription, description),
    h("div", { class: "grid" }, field("milestone-amount", q.amount, amount), field("milestone-due", q.dueOn, dueOn)), buttons(add));
  const controls = { amount: "milestone-amount", dueOn: "milestone-due", description: "milestone-description", payment: "milestone-kind", delivery: "milestone-kind" };
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(add, () => withFieldErrors(form, controls, context.announce, async () => {
      await quotes.addMilestone(context.api, context.deal.id, {
        kind: kind.value as MilestoneKind, description: description.value.trim() || null,
        amount: amount.value.trim() === "" ? null : Number(amount.value), dueOn: dueOn.value,
      });
      await context.refresh(q.milestoneAdded);
    }));
  });
  return form;
}
