// Quote steps and the contract on the deal's timeline in the pane's own words: the history row names the quote and the
// step (submitted, approved, rejected, sent, accepted, declined, or "total" when a quote became current) or the
// contract's date and value, and the pane words them in English or Chinese.
import type { TimelineEntry } from "./api";
import { formatDate } from "./forms";
import type { Locale } from "./i18n";
import { fill, money, quoteTexts } from "./quote-texts";

const steps = ["submitted", "approved", "rejected", "sent", "accepted", "declined"] as const;
/** The entry in the pane's words, or null when it is not a quote or contract entry the pane knows. */
export function quoteEntryText(entry: TimelineEntry, locale: Locale): string | null {
  const q = quoteTexts(locale);
  if (entry.field === "quote") {
    if (entry.reason === "total" && entry.newValue) return fill(q.timeline_total, { number: entry.newValue });
    const step = steps.find(s => s === entry.newValue);
    if (!step || !entry.oldValue) return null;
    const text = fill(q[`timeline_${step}`], { number: entry.oldValue });
    return entry.reason ? `${text}: ${entry.reason}` : text;
  }
  if (entry.field === "contract" && entry.newValue) {
    const [amount, currency] = (entry.reason ?? "").split(" ");
    const value = amount && currency && Number.isFinite(Number(amount)) ? money(Number(amount), currency, locale) : entry.reason ?? "";
    return fill(q.timeline_contract, { date: formatDate(entry.newValue, locale), value });
  }
  return null;
}
