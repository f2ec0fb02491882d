// The qualification (BANT) form of the selected deal, with its score and the gaps still open.
import { h } from "./dom";
import { field, select, type DealContext } from "./forms";

export function bantForm(context: DealContext): HTMLElement {
  const { deal, locale } = context;
  const { t } = locale;
  const bant = deal.bant;
  const gapKeys = new Set(deal.score.gaps.map(g => g.key));
  const amount = h("input", { id: "bant-amount", class: "input", type: "number", min: "0", step: "any", inputmode: "decimal" });
  amount.value = bant.budgetAmount === null ? "" : String(bant.budgetAmount);
  const currency = h("input", { id: "bant-currency", class: "input", type: "text", maxlength: "3", autocomplete: "off" });
  currency.value = bant.budgetCurrency ?? deal.currency;
  const status = select("bant-status", t.budgetStatuses, bant.budgetStatus);
  const decisionMaker = h("input", { id: "bant-decision-maker", class: "input", type: "text", maxlength: "200", autocomplete: "off" });
  decisionMaker.value = bant.decisionMakerName ?? "";
  const need = select("bant-need", t.needs, bant.need);
  const timeframe = select("bant-timeline", t.timeframes, bant.timeframe);

  const save = h("button", { id: "save-qualification", type: "submit", class: "button" }, t.saveQualification);
  const form = h("form", { class: "bant", "aria-labelledby": "bant-title", novalidate: true },
    h("h3", { id: "bant-title", class: "section-title" }, t.qualification),
    h("p", { class: "score", "data-testid": "score" },
      `${t.score}: ${deal.score.total}/100 · ${t.rating[deal.score.rating] ?? deal.score.rating}`),
    deal.score.gaps.length
      ? h("p", { class: "gaps", "data-testid": "gaps" }, `${t.gaps}: ${deal.score.gaps.map(g => g.label).join(locale.tag === "zh" ? "、" : ", ")}`)
      : h("p", { class: "muted", "data-testid": "gaps" }, t.noGaps),
    h("div", { class: "grid" },
      field("bant-amount", t.budgetAmount, amount, gapKeys.has("budget_amount")),
      field("bant-currency", t.currency, currency)),
    field("bant-status", t.budgetStatus, status, gapKeys.has("budget_status")),
    field("bant-decision-maker", t.decisionMaker, decisionMaker, gapKeys.has("decision_maker")),
    field("bant-need", t.need, need, gapKeys.has("need")),
    field("bant-timeline", t.timeline, timeframe, gapKeys.has("timeline")),
    h("div", { class: "actions" }, save));
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(save, async () => {
      const parsed = amount.value.trim() === "" ? null : Number(amount.value);
      const saved = await context.api.qualify(deal.id, {
        expectedVersion: deal.version,
        budgetAmount: parsed !== null && Number.isFinite(parsed) ? parsed : null,
        budgetCurrency: currency.value.trim() || null,
        budgetStatus: status.value,
        decisionMakerName: decisionMaker.value.trim() || null,
        need: need.value,
        timeframe: timeframe.value,
        targetDate: null,
      });
      context.saved(saved, t.saved);
    });
  });
  return form;
}
