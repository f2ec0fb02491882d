// The quote document out of the pane: downloaded (authenticated fetch → blob → a download link), or put into a reply
// email. Outlook fetches a reply attachment by URL without the pane's token, so the backend issues a short-lived signed
// link; where that fails (no link, an Outlook that refuses the attachment) the reply carries the quote summary as text.
import { escapeHtml } from "./html";
import type { DealContext } from "./forms";
import { quotes, type Quote } from "./quote-api";
import { fill, money, quoteTexts } from "./quote-texts";

export async function downloadQuote(context: DealContext, quote: Quote): Promise<void> {
  const blob = await quotes.document(context.api, quote);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `quote-${quote.number}.docx`;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  context.announce(quoteTexts(context.locale).downloaded);
}

export async function replyWithQuote(context: DealContext, quote: Quote): Promise<void> {
  const q = quoteTexts(context.locale);
  const item = Office.context.mailbox?.item as Office.MessageRead | null | undefined;
  if (!item?.displayReplyForm) throw new Error(q.replySummary);
  const htmlBody = summaryHtml(context, quote);
  let url: string | null = null;
  try {
    url = (await quotes.documentLink(context.api, quote)).url;
  } catch {
    url = null;
  }
  if (url) {
    try {
      item.displayReplyForm({ htmlBody, attachments: [{ type: "file" as Office.MailboxEnums.AttachmentType, name: `quote-${quote.number}.docx`, url }] });
      context.announce(q.replyAttached);
      return;
    } catch {
      // an Outlook that cannot attach by URL: the summary alone below
    }
  }
  item.displayReplyForm({ htmlBody });
  context.announce(q.replySummary);
}

/** The quote as escaped HTML: every name and description arrives as the text it is. */
export function summaryHtml(context: DealContext, quote: Quote): string {
  const q = quoteTexts(context.locale);
  const m = (amount: number) => escapeHtml(money(amount, quote.currency, context.locale));
  const rows = quote.lines.map(l =>
    `<tr><td>${escapeHtml(l.description)}</td><td>${escapeHtml(String(l.quantity))}</td><td>${m(l.unitPrice)}</td><td>${escapeHtml(String(l.discountPercent))}%</td><td>${m(l.amount)}</td></tr>`).join("");
  return `<p><b>${escapeHtml(fill(q.summaryHeading, { number: quote.number, deal: quote.dealName }))}</b></p>`
    + `<table><tr><th>${escapeHtml(q.description)}</th><th>${escapeHtml(q.quantity)}</th><th>${escapeHtml(q.unitPrice)}</th><th>${escapeHtml(q.lineDiscount)}</th><th>${escapeHtml(q.amount)}</th></tr>${rows}</table>`
    + `<p>${escapeHtml(q.subtotal)}: ${m(quote.subtotal)}<br>${escapeHtml(q.discountTotal)}: ${m(quote.discount)}<br>`
    + `${escapeHtml(fill(q.tax, { rate: quote.taxRatePercent }))}: ${m(quote.tax)}<br><b>${escapeHtml(q.total)}: ${m(quote.total)}</b></p>`;
}
