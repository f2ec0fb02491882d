// Moving a deal: to any stage (with a reason where the qualification bar may be overridden), closing it as lost with a
// reason from the tenant's list, and reopening a closed deal with a reason.
import type { Api, Pipeline } from "./api";
import { h } from "./dom";
import { buttons, field, input, select, withFieldErrors, type DealContext } from "./forms";

const pipelines = new WeakMap<Api, Promise<Pipeline>>();

/** The tenant's stages (in the pane's language) and loss reasons: read once per pane. */
function pipelineOf(api: Api): Promise<Pipeline> {
  let pipeline = pipelines.get(api);
  if (!pipeline) {
    pipeline = api.pipeline();
    pipeline.catch(() => pipelines.delete(api));
    pipelines.set(api, pipeline);
  }
  return pipeline;
}

/** A panel whose choices come from the pipeline: drawn once they arrive. */
function withPipeline(context: DealContext, id: string, draw: (pipeline: Pipeline) => HTMLElement): HTMLElement {
  const panel = h("div", { id, class: "panel", "aria-busy": "true" }, h("p", { class: "muted" }, context.locale.t.loading));
  pipelineOf(context.api).then(pipeline => panel.replaceWith(draw(pipeline)), e => {
    panel.removeAttribute("aria-busy");
    panel.replaceChildren(h("p", { class: "field-error" }, e instanceof Error ? e.message : String(e)));
  });
  return panel;
}

export function moveForm(context: DealContext): HTMLElement {
  const { deal, locale: { t } } = context;
  return withPipeline(context, "deal-move", pipeline => {
    const options: Record<string, string> = {};
    for (const stage of pipeline.stages) if (stage.stage !== deal.stage && stage.stage !== "lost") options[stage.stage] = stage.name;
    const target = select("move-stage", options, deal.nextStage ?? "");
    const reason = input("move-reason", "text", null, { maxlength: "500" });
    const move = h("button", { id: "move-save", type: "submit", class: "button primary" }, t.move);
    const form = h("form", { id: "deal-move", class: "panel", "aria-labelledby": "move-title", novalidate: true },
      h("h3", { id: "move-title", class: "section-title" }, t.moveStage),
      field("move-stage", t.targetStage, target), field("move-reason", t.overrideReason, reason), buttons(move, cancel(context, "move-cancel")));
    const controls = { stage: "move-stage", exit_criteria_unmet: "move-stage", won_requires: "move-stage",
      bant_below_threshold: "move-reason", override_reason_required: "move-reason" };
    form.addEventListener("submit", event => {
      event.preventDefault();
      void context.act(move, () => withFieldErrors(form, controls, context.announce, async () => {
        const moved = await context.api.moveTo(deal.id, { stage: target.value, expectedVersion: deal.version, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
        context.saved(moved, `${t.moved} ${moved.stageName}`);
      }));
    });
    return form;
  });
}

export function lostForm(context: DealContext): HTMLElement {
  const { deal, locale: { t } } = context;
  return withPipeline(context, "deal-lost", pipeline => {
    const reasons: Record<string, string> = { "": "" };
    for (const reason of pipeline.lossReasons) reasons[reason] = reason;
    const reason = select("lost-reason", reasons, "");
    const competitor = input("lost-competitor", "text", null, { maxlength: "200" });
    const close = h("button", { id: "lost-save", type: "submit", class: "button primary" }, t.closeLost);
    const form = h("form", { id: "deal-lost", class: "panel", "aria-labelledby": "lost-title", novalidate: true },
      h("h3", { id: "lost-title", class: "section-title" }, t.closeLost),
      field("lost-reason", t.lossReason, reason), field("lost-competitor", t.competitor, competitor), buttons(close, cancel(context, "lost-cancel")));
    const controls = { lost_reason_required: "lost-reason", lost_reason_unknown: "lost-reason" };
    form.addEventListener("submit", event => {
      event.preventDefault();
      void context.act(close, () => withFieldErrors(form, controls, context.announce, async () => {
        const lost = await context.api.moveTo(deal.id, {
          stage: "lost", expectedVersion: deal.version, lossReason: reason.value, ...(competitor.value.trim() ? { competitor: competitor.value.trim() } : {}),
        });
        context.saved(lost, t.closedLost);
      }));
    });
    return form;
  });
}

export function reopenForm(context: DealContext): HTMLElement {
  const { deal, locale: { t } } = context;
  const reason = input("reopen-reason", "text", null, { maxlength: "500" });
  const reopen = h("button", { id: "reopen-save", type: "submit", class: "button primary" }, t.reopen);
  const form = h("form", { id: "deal-reopen", class: "panel", "aria-labelledby": "reopen-title", novalidate: true },
    h("h3", { id: "reopen-title", class: "section-title" }, t.reopen),
    field("reopen-reason", t.reopenReason, reason), buttons(reopen, cancel(context, "reopen-cancel")));
  form.addEventListener("submit", event => {
    event.preventDefault();
    void context.act(reopen, () => withFieldErrors(form, { reopen_reason_required: "reopen-reason", reason: "reopen-reason" }, context.announce, async () => {
      const reopened = await context.api.reopen(deal.id, deal.version, reason.value);
      context.saved(reopened, `${t.reopened} ${reopened.stageName}`);
    }));
  });
  return form;
}

/** Won needs no more input than the deal has: amount and close date, else the refusal names what is missing. */
export async function closeWon(context: DealContext): Promise<void> {
  const moved = await context.api.moveTo(context.deal.id, { stage: "won", expectedVersion: context.deal.version });
  context.saved(moved, `${context.locale.t.moved} ${moved.stageName}`);
}

function cancel(context: DealContext, id: string): HTMLButtonElement {
  const button = h("button", { id, type: "button", class: "button" }, context.locale.t.cancel);
  button.addEventListener("click", () => context.close());
  return button;
}
