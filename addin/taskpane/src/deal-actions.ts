// The selected deal's actions: one toggle button per panel (edit, move, close lost, reopen, history, follow-up plan)
// and Close won, which needs no more input; the quote and the contract with its milestones. One panel is open at a time.
import { contractPanel } from "./contract";
import { closeWon, lostForm, moveForm, reopenForm } from "./deal-close";
import { editForm } from "./deal-edit";
import { h } from "./dom";
import { followUpPanel } from "./follow-up";
import type { DealContext } from "./forms";
import { quotePanel } from "./quote";
import { quoteTexts } from "./quote-texts";
import { timelinePanel } from "./timeline";

export type PanelName = "edit" | "move" | "lost" | "reopen" | "history" | "plan" | "quote" | "contract";

const panels: Record<PanelName, (context: DealContext) => HTMLElement> = {
  edit: editForm, move: moveForm, lost: lostForm, reopen: reopenForm, history: timelinePanel, plan: followUpPanel, quote: quotePanel, contract: contractPanel,
};

export function dealActions(context: DealContext, open: PanelName | null, toggle: (panel: PanelName) => void): HTMLElement[] {
  const { deal, locale: { t } } = context;
  const q = quoteTexts(context.locale);
  const closed = deal.stage === "won" || deal.stage === "lost";
  const toggles: [PanelName, string][] = closed
    ? [["reopen", t.reopen], ["history", t.history], ["quote", q.quote], ["contract", q.contract]]
    : [["edit", t.editDeal], ["move", t.moveStage], ["lost", t.closeLost], ["history", t.history], ["plan", t.followUpPlan], ["quote", q.quote], ["contract", q.contract]];
  const bar = h("div", { class: "actions toolbar", "data-testid": "deal-actions" });
  for (const [panel, label] of toggles) {
    const button = h("button", { id: `show-${panel}`, type: "button", class: open === panel ? "button pressed" : "button",
      "aria-expanded": String(open === panel), "aria-controls": open === panel ? `panel-${panel}` : undefined }, label);
    button.addEventListener("click", () => toggle(panel));
    bar.appendChild(button);
    if (panel === "move" && !closed) {
      const won = h("button", { id: "close-won", type: "button", class: "button" }, t.closeWon);
      won.addEventListener("click", () => void context.act(won, () => closeWon(context)));
      bar.appendChild(won);
    }
  }
  return open && toggles.some(([p]) => p === open)
    ? [bar, h("div", { id: `panel-${open}`, class: "panel-host" }, panels[open](context))]
    : [bar];
}
