// The quote and contract views' words (the catalog's pane.panequote group), typed so a key missing in Chinese fails
// the build, and money in the currency's own minor units (JPY none, KWD three), the way the backend rounds it.
import { pane as en } from "../../../shared/texts/en.json";
import { pane as zhHans } from "../../../shared/texts/zh-Hans.json";
import type { Locale } from "./i18n";

export type QuoteTexts = typeof en.panequote;
const zh: QuoteTexts = zhHans.panequote;

/** The locale's group; both catalogs are checked against the English shape above. */
export function quoteTexts(locale: Locale): QuoteTexts {
  return locale.tag === "zh" ? zh : (locale.t.panequote as unknown as QuoteTexts);
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function money(amount: number, currency: string, locale: Locale): string {
  const digits = minorUnits(currency);
  const number = new Intl.NumberFormat(locale.tag === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  return `${number} ${currency}`;
}
