// The deal's history, newest first: logged touches, field changes, stage moves and reviews, as the backend words them
// in the pane's language (quote steps and the contract in the pane's own words). Everything is text.
import { h } from "./dom";
import { formatDate, type DealContext } from "./forms";
import { quoteEntryText } from "./timeline-quotes";

export function timelinePanel(context: DealContext): HTMLElement {
  const { t } = context.locale;
  const list = h("ol", { class: "timeline", "data-testid": "timeline", "aria-labelledby": "history-title" });
  const panel = h("section", { id: "deal-history", class: "panel", "aria-labelledby": "history-title", "aria-busy": "true" },
    h("h3", { id: "history-title", class: "section-title" }, t.history),
    h("p", { class: "muted" }, t.loading));
  context.api.timeline(context.deal.id).then(entries => {
    panel.removeAttribute("aria-busy");
    for (const entry of entries) {
      list.appendChild(h("li", { class: `entry ${entry.kind}`, "data-kind": entry.kind, "data-field": entry.field ?? undefined },
        h("span", { class: "entry-summary" }, quoteEntryText(entry, context.locale) ?? entry.summary),
        h("span", { class: "entry-meta muted" }, h("time", { datetime: entry.at }, formatDate(entry.at, context.locale, true)), ` · ${entry.who}`)));
    }
    panel.lastElementChild?.replaceWith(entries.length ? list : h("p", { class: "muted", "data-testid": "timeline-empty" }, t.historyEmpty));
  }, e => {
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(h("p", { class: "field-error" }, e instanceof Error ? e.message : String(e)));
  });
  return panel;
}
