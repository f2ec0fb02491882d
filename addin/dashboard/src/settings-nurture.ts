// Settings › Nurture: untouched days per open stage, the digest time, the weekly digest, the plan a deal entering Nurture
// follows, and the follow-up plan templates (settings-plans.ts).
import { el } from "./dom";
import { t } from "./language";
import { planEditor, type Plan } from "./settings-plans";
import { button, call, checkbox, field, heading, input, load, numberOf, select, showProblems, Status } from "./settings-ui";

interface Nurture { untouchedDays: Record<string, number>; digestTime: string | null; weeklyDigest: boolean; plans: Plan[]; autoEnrolPlan: string | null }

export async function mountNurture(section: HTMLElement, stageName: (key: string) => string): Promise<void> {
  const status = new Status();
  const body = el("div");
  let read: () => Partial<Nurture> = () => ({});
  const draw = (rules: Nurture): void => {
    const days = Object.entries(rules.untouchedDays).map(([key, n]) => [key, input(n, "number")] as const);
    const dayRow = el("div", undefined, "row");
    for (const [key, box] of days) dayRow.append(field(stageName(key), box, `untouchedDays.${key}`));
    const digest = input(rules.digestTime, "time"), weekly = checkbox(rules.weeklyDigest);
    const planNames = (): (readonly [string, string])[] => [["", t("none")], ...rules.plans.map(p => [p.name, p.name] as const)];
    const auto = select(planNames(), rules.autoEnrolPlan);
    const general = el("div", undefined, "row");
    general.append(field(t("digestTime"), digest, "digestTime"), field(t("weeklyDigest"), weekly, "weeklyDigest"), field(t("autoEnrol"), auto, "autoEnrolPlan"));
    const plans = el("div");
    const readers: (() => Plan | null)[] = [];
    const addPlan = (plan: Plan): void => {
      const [node, readPlan] = planEditor(plan, readers.length, status);
      readers.push(readPlan);
      plans.append(node);
    };
    rules.plans.forEach(addPlan);
    body.replaceChildren(heading("untouchedDays"), dayRow, general, heading("plans"), plans,
      button("addPlan", () => addPlan({ name: "", steps: [{ day: 0, kind: "email", action: null, subject: { en: "", zh: "" }, body: { en: "", zh: "" } }] }), "action secondary"));
    read = () => ({
      untouchedDays: Object.fromEntries(days.map(([key, box]) => [key, numberOf(box)])),
      digestTime: digest.value, weeklyDigest: weekly.checked,
      plans: readers.map(r => r()).filter((p): p is Plan => p !== null),
      autoEnrolPlan: auto.value,
    });
  };
  const save = async (): Promise<void> => {
    status.show(t("saving"));
    const answer = await call<Nurture>("PUT", "api/admin/nurture", read());
    if (answer.ok && answer.data) {
      draw(answer.data);
      showProblems(body, {}, status);
      return status.show(t("saved"));
    }
    showProblems(body, answer.problems, status);
    status.show(t("notSaved", { reason: answer.message }), true);
  };
  draw(await load<Nurture>("api/admin/nurture"));
  section.append(body, button("save", save), ...status.nodes());
}
