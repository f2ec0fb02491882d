// The deal page's quotes (GET api/opportunities/{id}/quotes): number, status, total and the .docx, so a quote link from
// Teams lands on something useful. Text only; the document is fetched with the page's sign-in and handed over as a blob.
import { send } from "./api";
import { byId, el } from "./dom";
import { locale } from "./language";
import { quoteText, statusText } from "./quote-texts";

interface QuoteJson { number: number; currency: string; total: number; status: string; isCurrent: boolean; version: number }

function money(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch { /* a code Intl does not know: two decimals */ }
  return `${new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)} ${currency}`;
}

async function download(dealId: string, number: number, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const response = await send(`../api/opportunities/${dealId}/quotes/${number}/document`, { headers: { Accept: "*/*" } });
    if (!response.ok) throw new Error(String(response.status));
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(el("a"), { href: url, download: `quote-${number}.docx` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } finally {
    button.disabled = false;
  }
}

export async function showQuotes(dealId: string): Promise<void> {
  const host = byId("quotes");
  byId("quotes-title").textContent = quoteText("panequote.quotes");
  try {
    const response = await send(`../api/opportunities/${dealId}/quotes`);
    if (!response.ok) throw new Error(String(response.status));
    const quotes = (await response.json()) as QuoteJson[];
    if (quotes.length === 0) {
      host.replaceChildren(el("p", quoteText("panequote.noQuotes"), "hint"));
      return;
    }
    const table = el("table", undefined, "quotes");
    const head = el("tr");
    for (const key of ["panequote.status", "panequote.total", "panequote.document"] as const) head.append(el("th", quoteText(key)));
    head.prepend(el("th", ""));
    table.append(el("thead"), el("tbody"));
    table.tHead?.append(head);
    for (const quote of quotes) {
      const row = el("tr");
      row.dataset.quote = String(quote.number);
      const name = quoteText("panequote.quote", { number: String(quote.number) }) + (quote.isCurrent ? ` (${quoteText("panequote.current")})` : "");
      const button = el("button", quoteText("panequote.download"), "secondary");
      button.type = "button";
      button.addEventListener("click", () => void download(dealId, quote.number, button));
      const cells = [el("td", name), el("td", statusText(quote.status)), el("td", money(quote.total, quote.currency)), el("td")];
      cells[3]?.append(button);
      row.append(...cells);
      table.tBodies[0]?.append(row);
    }
    host.replaceChildren(table);
  } catch (error) {
    host.replaceChildren(el("p", quoteText("panequote.quotesFailed", { reason: error instanceof Error ? error.message : "?" }), "status error"));
  }
}
