// The pane's own words in English and Simplified Chinese: the "pane" section of the text catalog (shared/texts, which the
// backend reads too). Messages from the backend arrive already localized (the pane sends Accept-Language to match
// Office's display language). Named imports, so the bundle carries only the pane's section of each catalog.
import { pane as en } from "../../../shared/texts/en.json";
import { pane as zhHans } from "../../../shared/texts/zh-Hans.json";

type PaneTexts = typeof en;

/** The pane's texts: plain strings, and groups (rating, phases…) looked up by the values the backend sends. */
export type Strings = { readonly [K in keyof PaneTexts]: PaneTexts[K] extends string ? string : Record<string, string> };

// Typed as Strings, so a key missing from the Chinese catalog fails the build.
const zh: Strings = zhHans;

export interface Locale {
  readonly tag: "en" | "zh";
  readonly acceptLanguage: string;
  readonly t: Strings;
}

/** zh-* (zh-CN, zh-TW, zh-Hans…) shows Chinese; anything else English. */
export function localeFor(displayLanguage: string | undefined): Locale {
  const language = (displayLanguage ?? "").trim();
  return /^zh\b/i.test(language)
    ? { tag: "zh", acceptLanguage: `${language || "zh-CN"},zh;q=0.9,en;q=0.5`, t: zh }
    : { tag: "en", acceptLanguage: language ? `${language},en;q=0.9` : "en-US,en;q=0.9", t: en };
}
