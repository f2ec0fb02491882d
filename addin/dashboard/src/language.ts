// The page's language: ?lang= first, then Teams' (once it answered) or the browser's. Formats follow it.
import { isTextKey, TEXTS, type Lang, type TextKey } from "./texts";

export function pickLanguage(search: string, preferred: string | undefined): Lang {
  const wanted = new URLSearchParams(search).get("lang") ?? preferred ?? "en";
  return wanted.toLowerCase().startsWith("zh") ? "zh" : "en";
}

let lang: Lang = pickLanguage(location.search, navigator.language);

/** The language tag for formats and Accept-Language. */
export const locale = (): string => (lang === "zh" ? "zh-CN" : "en-US");

export let numberFormat = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
export let moneyFormat = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });

export const language = (): Lang => lang;

/** Switches the page's language (before it is drawn): Teams tells the tab's language only once it has answered. */
export function useLanguage(next: Lang): void {
  lang = next;
  numberFormat = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  moneyFormat = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });
}

/** The text for `key` with its {placeholders} filled. */
export function t(key: TextKey, values: Record<string, string> = {}): string {
  let text = TEXTS[lang][key];
  for (const [name, value] of Object.entries(values)) text = text.replace(`{${name}}`, value);
  return text;
}

/** A text named at run time (a data-text attribute, a field the server knows): the key itself when there is none. */
export function textOf(key: string): string {
  return isTextKey(key) ? t(key) : key;
}
