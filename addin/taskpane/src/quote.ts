// The deal's current quote in the pane: number, version, status, lines and totals in the currency's minor units; a
// draft is edited here (lines, discount) and submitted; then marked sent and answered. The .docx downloads, or goes
// into a reply email. Each change reloads the deal (its amount follows the quote) and the panel with it.
import { h } from "./dom";
import type { DealContext } from "./forms";
import { quotes, type Product, type Quote } from "./quote-api";
import { addLineForm, discountForm, lineList } from "./quote-lines";
import { downloadQuote, replyWithQuote } from "./quote-reply";
import { fill, money, quoteTexts } from "./quote-texts";

export function quotePanel(context: DealContext): HTMLElement {
  const q = quoteTexts(context.locale);
  const panel = h("section", { id: "deal-quote", class: "panel", "aria-labelledby": "quote-title", "aria-busy": "true" },
    h("h3", { id: "quote-title", class: "section-title" }, q.quote),
    h("p", { class: "muted" }, context.locale.t.loading));
  quotes.current(context.api, context.deal.id).then(async quote => {
    const products = quote?.status === "draft" ? await quotes.products(context.api) : [];
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(...(quote ? quoteView(context, quote, products) : [nothingYet(context)]));
  }).catch((e: unknown) => {
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(h("p", { class: "field-error" }, e instanceof Error ? e.message : String(e)));
  });
  return panel;
}

function nothingYet(context: DealContext): HTMLElement {
  const q = quoteTexts(context.locale);
  const create = h("button", { id: "quote-create", type: "button", class: "button primary" }, q.create);
  create.addEventListener("click", () => void context.act(create, async () => {
    await quotes.create(context.api, context.deal.id, context.deal.currency, []);
    await context.refresh(q.created);
  }));
  return h("div", {}, h("p", { class: "muted", "data-testid": "quote-none" }, q.none), h("div", { class: "actions" }, create));
}

function quoteView(context: DealContext, quote: Quote, products: Product[]): HTMLElement[] {
  const q = quoteTexts(context.locale);
  const { locale } = context;
  const changed = async (_: Quote, message: string) => context.refresh(message);
  const note = quote.status === "awaitingApproval" ? q.awaiting : quote.status === "approved" ? q.approved : null;
  const totals = h("dl", { class: "facts totals" },
    h("dt", {}, q.subtotal), h("dd", { "data-testid": "quote-subtotal" }, money(quote.subtotal, quote.currency, locale)),
    h("dt", {}, q.discountTotal), h("dd", { "data-testid": "quote-discount" }, money(quote.discount, quote.currency, locale)),
    h("dt", {}, fill(q.tax, { rate: quote.taxRatePercent })), h("dd", { "data-testid": "quote-tax" }, money(quote.tax, quote.currency, locale)),
    h("dt", {}, q.total), h("dd", { "data-testid": "quote-total" }, money(quote.total, quote.currency, locale)));
  const action = (id: string, label: string, work: () => Promise<void>, primary = false) => {
    const button = h("button", { id, type: "button", class: primary ? "button primary" : "button" }, label);
    button.addEventListener("click", () => void context.act(button, work));
    return button;
  };
  const step = (id: string, label: string, call: () => Promise<Quote>, message: (q: Quote) => string, primary = false) =>
    action(id, label, async () => context.refresh(message(await call())), primary);
  const draft = quote.status === "draft";
  const actions = h("div", { class: "actions", "data-testid": "quote-actions" },
    draft ? step("quote-submit", q.submit, () => quotes.submit(context.api, quote), s => s.status === "awaitingApproval" ? q.awaiting : q.approved, true) : null,
    ["draft", "awaitingApproval", "approved"].includes(quote.status)
      ? step("quote-sent", q.markSent, () => quotes.sent(context.api, quote), () => q.markedSent, quote.status === "approved") : null,
    quote.status === "sent" ? step("quote-accepted", q.accept, () => quotes.answer(context.api, quote, true), () => q.answerAccepted, true) : null,
    quote.status === "sent" ? step("quote-declined", q.decline, () => quotes.answer(context.api, quote, false), () => q.answerDeclined) : null,
    draft ? null : action("quote-new-version", q.newVersion, async () => {
      await quotes.create(context.api, quote.opportunityId, quote.currency, quote.lines.map(l => ({
        ...(l.productCode ? { productCode: l.productCode } : {}), description: l.description, quantity: l.quantity,
        unitPrice: l.unitPrice, discountPercent: l.discountPercent,
      })));
      await context.refresh(q.created);
    }),
    action("quote-download", q.download, () => downloadQuote(context, quote)),
    action("quote-reply", q.reply, () => replyWithQuote(context, quote)));
  return [
    h("p", { class: "quote-heading", "data-testid": "quote-heading" }, fill(q.heading, { number: quote.number, version: quote.version })),
    h("p", {}, h("span", { class: "muted" }, `${q.status}: `),
      h("span", { class: `badge status-${quote.status}`, "data-testid": "quote-status" }, q[`status_${quote.status}`])),
    note ? h("p", { class: "note", "data-testid": "quote-note" }, note) : null,
    quote.decision?.comment ? h("p", { class: "muted", "data-testid": "quote-decision" }, fill(q.decision, { comment: quote.decision.comment })) : null,
    lineList(context, quote, changed),
    draft ? addLineForm(context, quote, products, changed) : null,
    draft && quote.lines.length ? discountForm(context, quote, changed) : null,
    totals,
    actions,
  ].filter((e): e is HTMLElement => e !== null);
}
