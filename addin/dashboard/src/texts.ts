// Every word the dashboard and the settings page show, in English and Simplified Chinese: the "dashboard" section of the
// text catalog (shared/texts, which the backend reads too). Stage names are not here: they are the tenant's, from
// GET api/pipeline in the caller's language. Values may hold {placeholders} that t() fills. Named imports, so the
// bundle carries only this section of each catalog.
import { dashboard as en } from "../../../shared/texts/en.json";
import { dashboard as zhHans } from "../../../shared/texts/zh-Hans.json";

/** The dashboard's own texts; nested objects are other pages' (the deal page reads "msgext"). */
export type TextKey = { [K in keyof typeof en]: (typeof en)[K] extends string ? K : never }[keyof typeof en];

// Typed by the English keys, so a key missing from the Chinese catalog fails the build.
const zh: Record<TextKey, string> = zhHans;

export type Lang = "en" | "zh";

export const TEXTS: Record<Lang, Record<TextKey, string>> = { en, zh };

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(en, key);
}
