// The deal's details form: name, amount and currency, close date, probability (or the stage's), next step and its due
// date, primary contact, and owner when the rep may hand the deal to someone. Only the fields the rep changed are sent, against the version on screen.
import type { DealUpdate } from "./api";
import { h } from "./dom";
import { buttons, field, input, withFieldErrors, type DealContext } from "./forms";

/** The API's field names and the controls that show their refusals. */
const controls: Record<string, string> = {
  name: "edit-name", amount: "edit-amount", currency: "edit-currency", closeDate: "edit-close-date", probability: "edit-probability",
  nextStep: "edit-next-step", nextStepDue: "edit-next-step-due", primaryContactEmail: "edit-contact", ownerObjectId: "edit-owner",
};

export function editForm(context: DealContext): HTMLElement {
  const { deal, locale: { t } } = context;
  const name = input("edit-name", "text", deal.name, { maxlength: "200" });
  const amount = input("edit-amount", "number", deal.amount === null ? "" : String(deal.amount), { min: "0", step: "any", inputmode: "decimal" });
  const currency = input("edit-currency", "text", deal.currency, { maxlength: "3" });
  const closeDate = input("edit-close-date", "date", deal.closeDate);
  const probability = input("edit-probability", "number", String(deal.probability), { step: "1", inputmode: "numeric" });
  const auto = h("input", { id: "edit-probability-auto", type: "checkbox" });
  auto.addEventListener("change", () => { probability.disabled = auto.checked; });
  const nextStep = input("edit-next-step", "text", deal.nextStep, { maxlength: "500" });
  const nextStepDue = input("edit-next-step-due", "date", deal.nextStepDue);
  const contact = input("edit-contact", "email", deal.primaryContact?.email ?? null, { maxlength: "320" });
  const owner = h("select", { id: "edit-owner", class: "input" });
  const ownerField = field("edit-owner", t.owner, owner);
  ownerField.hidden = true;
  // Offered only to someone who sees other people's deals (a manager, a team): a rep alone has no one to hand it to.
  context.api.owners().then(choices => {
    for (const choice of choices) {
      const option = h("option", { value: choice.objectId }, choice.name || choice.objectId);
      option.selected = choice.objectId === deal.ownerId;
      owner.appendChild(option);
    }
    ownerField.hidden = choices.length < 2;
  }, () => { ownerField.hidden = true; });

  const save = h("button", { id: "edit-save", type: "submit", class: "button primary" }, t.save);
  const cancel = h("button", { id: "edit-cancel", type: "button", class: "button" }, t.cancel);
  cancel.addEventListener("click", () => context.close());
  const form = h("form", { id: "deal-edit", class: "panel", "aria-labelledby": "edit-title", novalidate: true },
    h("h3", { id: "edit-title", class: "section-title" }, t.editTitle),
    field("edit-name", t.dealName, name),
    h("div", { class: "grid" }, field("edit-amount", t.dealAmount, amount), field("edit-currency", t.currency, currency)),
    field("edit-close-date", t.closeDate, closeDate),
    field("edit-probability", `${t.probability} (%)`, probability),
    h("div", { class: "check" }, auto, h("label", { for: "edit-probability-auto" }, t.probabilityAuto)),
    field("edit-next-step", t.nextStep, nextStep),
    field("edit-next-step-due", t.nextStepDue, nextStepDue),
    field("edit-contact", t.primaryContact, contact),
    ownerField,
    buttons(save, cancel));

  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(save, () => withFieldErrors(form, controls, context.announce, async () => {
      const update: DealUpdate = { expectedVersion: deal.version };
      if (name.value.trim() !== deal.name) update.name = name.value;
      const typedAmount = amount.value.trim() === "" ? null : Number(amount.value);
      if (typedAmount !== null && Number.isFinite(typedAmount) && typedAmount !== deal.amount) update.amount = typedAmount;
      if (currency.value.trim().toUpperCase() !== deal.currency) update.currency = currency.value.trim();
      if (closeDate.value && closeDate.value !== deal.closeDate) update.closeDate = closeDate.value;
      const typedProbability = probability.value.trim() === "" ? null : Number(probability.value);
      if (auto.checked) update.probability = "auto";
      else if (typedProbability !== null && typedProbability !== deal.probability) update.probability = typedProbability;
      if (nextStep.value.trim() !== (deal.nextStep ?? "")) update.nextStep = nextStep.value.trim();
      if (nextStepDue.value && nextStepDue.value !== deal.nextStepDue) update.nextStepDue = nextStepDue.value;
      if (contact.value.trim() && contact.value.trim().toLowerCase() !== deal.primaryContact?.email.toLowerCase()) {
        update.primaryContactEmail = contact.value.trim();
      }
      if (!ownerField.hidden && owner.value && owner.value !== deal.ownerId) update.ownerObjectId = owner.value;
      if (Object.keys(update).length === 1) {
        context.announce(t.noChanges);
        context.close();
        return;
      }
      context.saved(await context.api.update(deal.id, update), t.dealSaved);
    }));
  });
  return form;
}
