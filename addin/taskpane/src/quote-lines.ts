// A draft quote's lines: the list with a remove button each, the add-line form (a product from the tenant's active
// products at its list price, or free text with a price) and one discount for every line. Refusals show under the field.
import { h } from "./dom";
import { buttons, field, input, withFieldErrors, type DealContext } from "./forms";
import { quotes, type LineInput, type Product, type Quote } from "./quote-api";
import { fill, money, quoteTexts } from "./quote-texts";

/** The list of lines; a draft's lines can be removed. */
export function lineList(context: DealContext, quote: Quote, changed: (q: Quote, message: string) => Promise<void>): HTMLElement {
  const q = quoteTexts(context.locale);
  if (quote.lines.length === 0) return h("p", { class: "muted", "data-testid": "quote-no-lines" }, q.noLines);
  const list = h("ol", { class: "quote-lines", "data-testid": "quote-lines" });
  quote.lines.forEach((line, index) => {
    const remove = quote.status === "draft"
      ? h("button", { type: "button", class: "button small", "aria-label": fill(q.removeLine, { n: index + 1 }) }, q.remove)
      : null;
    remove?.addEventListener("click", () => void context.act(remove, async () =>
      changed(await quotes.removeLine(context.api, quote, index), q.lineRemoved)));
    list.appendChild(h("li", { class: "quote-line", "data-testid": "quote-line" },
      h("span", { class: "line-description" }, line.description),
      h("span", { class: "line-detail muted" }, fill(q.lineText, {
        quantity: line.quantity, price: money(line.unitPrice, quote.currency, context.locale), discount: line.discountPercent,
      })),
      h("span", { class: "line-amount" }, money(line.amount, quote.currency, context.locale)),
      remove));
  });
  return list;
}

export function addLineForm(context: DealContext, quote: Quote, products: Product[], changed: (q: Quote, message: string) => Promise<void>): HTMLElement {
  const q = quoteTexts(context.locale);
  const product = h("select", { id: "quote-product", class: "input" }, h("option", { value: "" }, q.freeText));
  for (const p of products) {
    const price = p.prices.find(x => x.currency === quote.currency);
    product.appendChild(h("option", { value: p.code },
      price ? `${p.name} (${p.code}) · ${money(price.unitPrice, quote.currency, context.locale)}` : `${p.name} (${p.code})`));
  }
  const description = input("quote-description", "text", null, { maxlength: "500" });
  const quantity = input("quote-quantity", "number", "1", { min: "0", step: "any", inputmode: "decimal" });
  const unitPrice = input("quote-unit-price", "number", null, { min: "0", step: "any", inputmode: "decimal" });
  const discount = input("quote-line-discount", "number", null, { min: "0", max: "100", step: "any", inputmode: "decimal" });
  const add = h("button", { id: "quote-add-line", type: "submit", class: "button" }, q.addLine);
  const form = h("form", { id: "quote-add", class: "subpanel", novalidate: true },
    field("quote-product", q.product, product), field("quote-description", q.description, description),
    h("div", { class: "grid" }, field("quote-quantity", q.quantity, quantity), field("quote-unit-price", `${q.unitPrice} (${quote.currency})`, unitPrice)),
    field("quote-line-discount", q.lineDiscount, discount), buttons(add));
  const controls = {
    quantity: "quote-quantity", unit_price: "quote-unit-price", discount: "quote-line-discount", "convert.no_price": "quote-unit-price",
    "convert.line_description_required": "quote-description", "convert.unknown_product": "quote-product",
  };
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(add, () => withFieldErrors(form, controls, context.announce, async () => {
      const line: LineInput = { quantity: numberOf(quantity.value) ?? 0 };
      if (product.value) line.productCode = product.value;
      if (description.value.trim()) line.description = description.value.trim();
      const price = numberOf(unitPrice.value);
      if (price !== null) line.unitPrice = price;
      const off = numberOf(discount.value);
      if (off !== null) line.discountPercent = off;
      await changed(await quotes.addLine(context.api, quote, line), q.lineAdded);
    }));
  });
  return form;
}

export function discountForm(context: DealContext, quote: Quote, changed: (q: Quote, message: string) => Promise<void>): HTMLElement {
  const q = quoteTexts(context.locale);
  const current = quote.lines.length ? String(Math.max(...quote.lines.map(l => l.discountPercent))) : "";
  const discount = input("quote-discount", "number", current, { min: "0", max: "100", step: "any", inputmode: "decimal" });
  const set = h("button", { id: "quote-set-discount", type: "submit", class: "button" }, q.setDiscount);
  const form = h("form", { id: "quote-discount-form", class: "subpanel", novalidate: true }, field("quote-discount", q.discount, discount), buttons(set));
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(set, () => withFieldErrors(form, { discount: "quote-discount", "convert.invalid_percent": "quote-discount" }, context.announce, async () =>
      changed(await quotes.discount(context.api, quote, numberOf(discount.value) ?? 0), q.discountSet)));
  });
  return form;
}

function numberOf(text: string): number | null {
  const value = text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(value) ? value : null;
}
