// Compose mode: the deals of the people the message goes to, "Insert deal summary" into the body and "Log when sent",
// which stamps the draft so the backend logs the message to the deal once it is in Sent Items.
import type { Api, DealSummary, DealView, PeopleResponse } from "./api";
import { h, replace } from "./dom";
import { formatDate } from "./forms";
import { escapeHtml } from "./html";
import type { Locale } from "./i18n";
import { insertHtml, readDraft, stampHeader } from "./item-modes";

export interface ModeContext {
  readonly locale: Locale;
  readonly api: Api;
  readonly content: HTMLElement;
  act(button: HTMLButtonElement, work: () => Promise<void>): Promise<void>;
  announce(message: string): void;
  /** False once the pane has moved on to another item. */
  current(): boolean;
}

export function text(locale: Locale, key: string, values: Record<string, string> = {}): string {
  const template = locale.t.compose[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** The deal choice: the people's deals first, then the rep's other open deals. */
export function dealPicker(locale: Locale, people: PeopleResponse): HTMLSelectElement {
  const select = h("select", { id: "mode-deal", class: "input" });
  const group = (label: string, deals: DealSummary[]) => {
    if (deals.length === 0) return;
    const optgroup = h("optgroup", { label });
    for (const d of deals) optgroup.appendChild(h("option", { value: d.id }, d.accountName ? `${d.name} · ${d.accountName}` : d.name));
    select.appendChild(optgroup);
  };
  group(text(locale, "their_deals"), people.deals);
  group(text(locale, "my_deals"), people.myDeals);
  return select;
}

export function contactList(locale: Locale, people: PeopleResponse, testId: string): HTMLElement {
  if (people.contacts.length === 0) return h("p", { class: "muted", "data-testid": testId }, text(locale, "no_contacts"));
  const list = h("ul", { class: "people", "data-testid": testId });
  for (const c of people.contacts) list.appendChild(h("li", {}, h("span", {}, c.name || c.email), " ", h("span", { class: "muted" }, c.email)));
  return list;
}

export function dealSummaryHtml(locale: Locale, deal: DealView): string {
  const amount = deal.amount === null ? locale.t.notSet : `${new Intl.NumberFormat(locale.tag === "zh" ? "zh-CN" : "en-US").format(deal.amount)} ${deal.currency}`;
  const rows: [string, string][] = [
    [text(locale, "summary_stage"), deal.stageName],
    [text(locale, "summary_amount"), amount],
    [text(locale, "summary_close"), deal.closeDate ? formatDate(deal.closeDate, locale) : locale.t.notSet],
    [text(locale, "summary_next"), deal.nextStep ?? locale.t.notSet],
  ];
  const items = rows.map(([label, value]) => `<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`).join("");
  return `<div><p><strong>${escapeHtml(deal.name)}</strong></p><ul>${items}</ul></div>`;
}

export async function showCompose(ctx: ModeContext, item: Office.MessageCompose): Promise<void> {
  const { locale, api } = ctx;
  const draft = await readDraft(item);
  const people = await api.people(draft.recipients.map(r => r.address));
  if (!ctx.current()) return;
  const select = dealPicker(locale, people);
  const chosen = () => select.value || null;
  const state = h("p", { class: "note", "data-testid": "compose-state", hidden: true });

  const insert = h("button", { id: "insert-summary", type: "button", class: "button" }, text(locale, "insert_summary"));
  insert.addEventListener("click", () => void ctx.act(insert, async () => {
    const id = chosen();
    if (!id) return;
    await insertHtml(item, dealSummaryHtml(locale, await api.deal(id)));
    ctx.announce(text(locale, "inserted"));
  }));

  const logOnSend = h("button", { id: "log-on-send", type: "button", class: "button primary" }, text(locale, "log_on_send"));
  logOnSend.addEventListener("click", () => void ctx.act(logOnSend, async () => {
    const id = chosen();
    if (!id) return;
    const stamp = await api.logOnSend(id);
    const message = (await stampHeader(item, stamp.header, stamp.token))
      ? text(locale, "will_log", { deal: stamp.dealName })
      : text(locale, "needs_newer_outlook");
    state.hidden = false;
    state.textContent = message;
    ctx.announce(message);
  }));
  const none = people.deals.length === 0 && people.myDeals.length === 0;
  if (none) [insert, logOnSend].forEach(b => { b.disabled = true; b.dataset["disabled"] = "true"; });

  replace(ctx.content,
    h("div", { id: "alert", class: "alert", role: "alert", hidden: true }),
    h("section", { class: "card", "aria-labelledby": "compose-title" },
      h("h2", { id: "compose-title", class: "section-title" }, text(locale, "compose_title")),
      draft.recipients.length ? contactList(locale, people, "recipients") : h("p", { class: "muted", "data-testid": "recipients" }, text(locale, "no_recipients")),
      none ? h("p", { class: "muted" }, locale.t.noOpenDeals) : h("div", { class: "field" }, h("label", { for: "mode-deal" }, locale.t.deal), select),
      h("div", { class: "actions" }, logOnSend, insert),
      state));
}
