// Settings › Products: the tenant's products (code, name, unit, a price per currency, active), edited in a table and
// saved as a whole (PUT api/admin/products: a product left out is deactivated, all or nothing), or imported from a CSV.
// A refused entry is named beside its row; a refused file names each bad line.
import { el } from "./dom";
import { checkbox, call, field, input, showProblems, Status, type Problems } from "./settings-ui";
import { quoteText } from "./quote-texts";

interface Price { currency: string; unitPrice: number }
interface Product { code: string; name: string; unit: string | null; prices: Price[]; active: boolean }

interface Row { code: HTMLInputElement; name: HTMLInputElement; unit: HTMLInputElement; prices: HTMLInputElement; active: HTMLInputElement }

const pricesText = (prices: Price[]): string => prices.map(p => `${p.currency} ${p.unitPrice}`).join("; ");

/** "USD 100; EUR 92.5" → prices; null when a part is not a currency code and an amount. */
export function parsePrices(text: string): Price[] | null {
  const prices: Price[] = [];
  for (const part of text.split(/[;,\n]+/).map(p => p.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]{3})\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) return null;
    prices.push({ currency: (match[1] ?? "").toUpperCase(), unitPrice: Number(match[2]) });
  }
  return prices;
}

export async function mountProducts(section: HTMLElement): Promise<void> {
  const status = new Status();
  const body = el("tbody");
  const table = el("table", undefined, "products");
  const head = el("tr");
  for (const key of ["panequote.code", "panequote.name", "panequote.unit", "panequote.prices", "panequote.active"] as const) head.append(el("th", quoteText(key)));
  table.append(el("thead"), body);
  table.tHead?.append(head);
  let rows: Row[] = [];

  const addRow = (product: Product | null): void => {
    const i = rows.length;
    const row: Row = {
      code: input(product?.code ?? "", "text", 64), name: input(product?.name ?? "", "text", 200), unit: input(product?.unit ?? "", "text", 32),
      prices: input(pricesText(product?.prices ?? []), "text", 500), active: checkbox(product?.active ?? true),
    };
    row.code.readOnly = product !== null;
    const tr = el("tr");
    tr.dataset.product = product?.code ?? "";
    const cells: [HTMLInputElement, string, string][] = [
      [row.code, "panequote.code", "code"], [row.name, "panequote.name", "name"], [row.unit, "panequote.unit", "unit"],
      [row.prices, "panequote.prices", "prices"], [row.active, "panequote.active", "active"],
    ];
    for (const [control, label, name] of cells) {
      control.setAttribute("aria-label", `${quoteText(label as "panequote.code")} ${i + 1}`);
      control.dataset.field = `[${i}].${name}`;
      const td = el("td");
      td.append(control);
      tr.append(td);
    }
    body.append(tr);
    rows.push(row);
  };

  const draw = (products: Product[]): void => {
    body.replaceChildren();
    rows = [];
    products.forEach(addRow);
  };

  const save = async (): Promise<void> => {
    const problems: Problems = {};
    const entries = rows.filter(r => r.code.value.trim() || r.name.value.trim()).map(r => {
      const prices = parsePrices(r.prices.value);
      if (prices === null) problems[r.prices.dataset.field ?? ""] = [quoteText("panequote.pricesFormat")];
      return { code: r.code.value.trim(), name: r.name.value.trim(), unit: r.unit.value.trim() || null, prices: prices ?? [], active: r.active.checked };
    });
    if (Object.keys(problems).length) {
      showProblems(table, problems, status);
      status.show(quoteText("panequote.notSaved", { reason: quoteText("panequote.pricesFormat") }), true);
      return;
    }
    const answer = await call<Product[]>("PUT", "api/admin/products", entries);
    showProblems(table, answer.problems, status);
    if (answer.ok && answer.data) draw(answer.data);
    status.show(answer.ok ? quoteText("panequote.saved") : quoteText("panequote.notSaved", { reason: answer.message }), !answer.ok);
  };

  const file = input("", "file");
  file.accept = ".csv,text/csv";
  const importCsv = async (): Promise<void> => {
    const chosen = file.files?.[0];
    if (!chosen) return status.show(quoteText("panequote.noFile"), true);
    const answer = await call<{ products: number }>("POST", "api/admin/products/import", await chosen.text(), "text/csv");
    status.list.replaceChildren();
    // Each refused line by its name ("line 3"), then why.
    for (const [line, messages] of Object.entries(answer.problems)) {
      const text = messages.join(" ");
      status.list.append(el("li", text.toLowerCase().startsWith(line.toLowerCase()) ? text : `${line}: ${text}`));
    }
    if (answer.ok && answer.data) {
      const list = await call<Product[]>("GET", "api/admin/products");
      if (list.data) draw(list.data);
    }
    status.show(answer.ok && answer.data ? quoteText("panequote.imported", { count: String(answer.data.products) })
      : quoteText("panequote.importFailed", { reason: answer.message }), !answer.ok);
  };

  const button = (text: string, run: () => unknown, className = "action"): HTMLButtonElement => {
    const node = el("button", text, className);
    node.type = "button";
    node.addEventListener("click", () => void run());
    return node;
  };
  const current = await call<Product[]>("GET", "api/admin/products");
  draw(current.data ?? []);
  const actions = el("div", undefined, "row");
  actions.append(button(quoteText("panequote.addProduct"), () => addRow(null), "secondary"), button(quoteText("panequote.saveProducts"), save));
  const importRow = el("div", undefined, "row");
  importRow.append(field(quoteText("panequote.importFile"), file), button(quoteText("panequote.importCsv"), importCsv, "secondary"));
  section.append(el("p", quoteText("panequote.productsHint"), "hint"), table, actions, importRow, ...status.nodes());
}
