// Settings › Nurture › follow-up plan templates: steps are email, call or task, each on a day offset; an email step has
// a subject and body in English and Chinese (Liquid placeholders {{ contact }}, {{ deal }}, {{ rep }}) and a preview.
import { el } from "./dom";
import { language, t } from "./language";
import { button, call, field, input, numberOf, select, showProblems, Status } from "./settings-ui";

interface Named { en: string | null; zh: string | null }
export interface Step { day: number; kind: string; action: string | null; subject: Named | null; body: Named | null }
export interface Plan { name: string; steps: Step[] }

function stepEditor(step: Step, at: string, status: Status): [HTMLElement, () => Step] {
  const box = el("div", undefined, "step");
  const kind = select([["email", t("stepEmail")], ["call", t("stepCall")], ["task", t("stepTask")]], step.kind);
  const day = input(step.day, "number"), action = input(step.action, "text", 100);
  const subjectEn = input(step.subject?.en, "text", 200), subjectZh = input(step.subject?.zh, "text", 200);
  const bodyEn = el("textarea"), bodyZh = el("textarea");
  bodyEn.value = step.body?.en ?? "";
  bodyZh.value = step.body?.zh ?? "";
  const email = el("div", undefined, "row email");
  const preview = el("div", undefined, "preview");
  const read = (): Step => {
    const isEmail = kind.value === "email";
    return {
      day: numberOf(day), kind: kind.value, action: action.value || null,
      subject: isEmail ? { en: subjectEn.value, zh: subjectZh.value } : null, body: isEmail ? { en: bodyEn.value, zh: bodyZh.value } : null,
    };
  };
  const show = async (): Promise<void> => {
    const answer = await call<{ subject: string; body: string }>("POST", "api/admin/nurture/preview", { step: read(), locale: language() === "zh" ? "zh-CN" : "en-US" });
    showProblems(email, Object.fromEntries(Object.entries(answer.problems).map(([k, v]) => [k.replace(/^step\./, ""), v])), status);
    if (!answer.ok || !answer.data) return status.show(t("previewFailed", { reason: answer.message }), true);
    preview.replaceChildren(el("strong", answer.data.subject), el("pre", answer.data.body));
  };
  email.append(field(t("subjectEn"), subjectEn, `subject.en`), field(t("subjectZh"), subjectZh, `subject.zh`),
    field(t("bodyEn"), bodyEn, `body.en`), field(t("bodyZh"), bodyZh, `body.zh`), button("preview", show, "action secondary"), preview);
  subjectEn.dataset.field = `${at}.subject.en`;
  const toggle = (): void => { email.hidden = kind.value !== "email"; };
  kind.addEventListener("change", toggle);
  toggle();
  const head = el("div", undefined, "row");
  head.append(field(t("stepKind"), kind, `${at}.kind`), field(t("stepDay"), day, `${at}.day`), field(t("stepAction"), action, `${at}.action`),
    button("remove", () => box.remove(), "link"));
  box.append(head, email);
  return [box, read];
}

/** One plan's editor; `remove` drops it from the list. */
export function planEditor(plan: Plan, index: number, status: Status): [HTMLElement, () => Plan | null] {
  const at = `plans[${index}]`;
  const box = el("fieldset", undefined, "plan");
  const name = input(plan.name, "text", 60);
  const steps = el("div");
  steps.dataset.field = `${at}.steps`;
  const readers = new Map<HTMLElement, () => Step>();
  const add = (step: Step): void => {
    const [node, read] = stepEditor(step, `${at}.steps[${readers.size}]`, status);
    readers.set(node, read);
    steps.append(node);
  };
  plan.steps.forEach(add);
  let removed = false;
  box.append(el("legend", plan.name || t("newPlan")), field(t("planName"), name, `${at}.name`), steps,
    button("addStep", () => add({ day: 1, kind: "email", action: null, subject: { en: "", zh: "" }, body: { en: "", zh: "" } }), "link"),
    button("removePlan", () => { removed = true; box.remove(); }, "link"));
  return [box, () => removed ? null : { name: name.value, steps: [...readers].filter(([node]) => node.isConnected).map(([, read]) => read()) }];
}
