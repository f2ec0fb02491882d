// The words of the products settings and the deal page's quotes: the "panequote" object of the catalog's dashboard
// section, in English and Simplified Chinese.
import { dashboard as en } from "../../../shared/texts/en.json";
import { dashboard as zhHans } from "../../../shared/texts/zh-Hans.json";
import { language } from "./language";

type QuoteTextKey = keyof typeof en.panequote;

// Typed by the English keys, so a key missing from the Chinese catalog fails the build.
const zh: Record<QuoteTextKey, string> = zhHans.panequote;

/** The text for "panequote.<key>" in the page's language, with its {placeholders} filled. */
export function quoteText(key: `panequote.${QuoteTextKey}`, values: Record<string, string> = {}): string {
  const name = key.slice("panequote.".length) as QuoteTextKey;
  let text = (language() === "zh" ? zh : en.panequote)[name];
  for (const [placeholder, value] of Object.entries(values)) text = text.replace(`{${placeholder}}`, value);
  return text;
}

const statuses = {
  draft: "panequote.status_draft", awaitingApproval: "panequote.status_awaitingApproval", approved: "panequote.status_approved",
  sent: "panequote.status_sent", accepted: "panequote.status_accepted", rejected: "panequote.status_rejected",
} as const;

export function statusText(status: string): string {
  return status in statuses ? quoteText(statuses[status as keyof typeof statuses]) : status;
}
