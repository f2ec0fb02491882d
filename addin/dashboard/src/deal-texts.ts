// The deal page's words: the "msgext" object of the catalog's dashboard section, in English and Simplified Chinese.
import { dashboard as en } from "../../../shared/texts/en.json";
import { dashboard as zhHans } from "../../../shared/texts/zh-Hans.json";
import { language } from "./language";

type DealTextKey = keyof typeof en.msgext;

// Typed by the English keys, so a key missing from the Chinese catalog fails the build.
const zh: Record<DealTextKey, string> = zhHans.msgext;

/** The text for "msgext.<key>" in the page's language, with its {placeholders} filled. */
export function dealText(key: `msgext.${DealTextKey}`, values: Record<string, string> = {}): string {
  const name = key.slice("msgext.".length) as DealTextKey;
  let text = (language() === "zh" ? zh : en.msgext)[name];
  for (const [placeholder, value] of Object.entries(values)) text = text.replace(`{${placeholder}}`, value);
  return text;
}
