// The deal's follow-up plan: start one of the tenant's plans, mark its steps done, stop it.
import type { FollowUpPlan, FollowUpPlanOption } from "./api";
import { h } from "./dom";
import { buttons, field, formatDate, select, type DealContext } from "./forms";

export function followUpPanel(context: DealContext): HTMLElement {
  const { t } = context.locale;
  const panel = h("section", { id: "deal-plan", class: "panel", "aria-labelledby": "plan-title", "aria-busy": "true" },
    h("h3", { id: "plan-title", class: "section-title" }, t.followUpPlan), h("p", { class: "muted" }, t.loading));
  let options: FollowUpPlanOption[] = [];
  const show = (plan: FollowUpPlan | null) => {
    panel.removeAttribute("aria-busy");
    panel.replaceChildren(panel.firstElementChild ?? "", ...(plan?.running ? running(context, plan, show) : notRunning(context, plan, options, show)));
  };
  Promise.all([context.api.plan(context.deal.id), context.api.plans()]).then(([plan, plans]) => {
    options = plans;
    show(plan);
  }, e => {
    panel.removeAttribute("aria-busy");
    panel.lastElementChild?.replaceWith(h("p", { class: "field-error" }, e instanceof Error ? e.message : String(e)));
  });
  return panel;
}

type Show = (plan: FollowUpPlan | null) => void;

function running(context: DealContext, plan: FollowUpPlan, show: Show): HTMLElement[] {
  const { t } = context.locale;
  const steps = h("ol", { class: "steps", "data-testid": "plan-steps" });
  for (const step of plan.steps) {
    const label = `${t.stepActions[step.action] ?? step.action.replaceAll("_", " ")} · ${t.due} ${formatDate(step.dueOn, context.locale)}`;
    const item = h("li", { class: step.done ? "step done" : "step", "data-done": String(step.done) }, h("span", {}, label));
    if (!step.done) {
      const done = h("button", { id: `plan-step-${step.number}`, type: "button", class: "button small", "aria-label": `${t.markDone}: ${label}` }, t.markDone);
      done.addEventListener("click", () => void context.act(done, async () => {
        show(await context.api.stepDone(context.deal.id, step.number));
        context.announce(t.stepDone);
      }));
      item.appendChild(done);
    }
    steps.appendChild(item);
  }
  const stop = h("button", { id: "plan-stop", type: "button", class: "button" }, t.stopPlan);
  stop.addEventListener("click", () => void context.act(stop, async () => {
    show(await context.api.stopPlan(context.deal.id));
    context.announce(t.planStoppedStatus);
  }));
  return [h("p", { "data-testid": "plan-state" }, `${plan.plan} · ${t.planRunning}`), steps, buttons(stop)];
}

function notRunning(context: DealContext, last: FollowUpPlan | null, options: FollowUpPlanOption[], show: Show): HTMLElement[] {
  const { t } = context.locale;
  const choices: Record<string, string> = {};
  for (const option of options) choices[option.name] = option.name;
  const plan = select("plan-name", choices, options[0]?.name ?? "");
  const start = h("button", { id: "plan-start", type: "button", class: "button primary" }, t.startPlan);
  start.addEventListener("click", () => void context.act(start, async () => {
    show(await context.api.startPlan(context.deal.id, plan.value));
    context.announce(t.planStarted);
  }));
  return [
    last ? h("p", { class: "muted", "data-testid": "plan-state" }, `${last.plan} · ${t.planStopped}`) : null,
    field("plan-name", t.plan, plan), buttons(start),
  ].filter((e): e is HTMLElement => e !== null);
}
