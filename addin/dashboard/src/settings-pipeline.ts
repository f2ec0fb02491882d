// Settings › Pipeline: stage names (en, zh), probabilities, forecast categories, exit criteria, loss reasons, the
// qualification threshold, BANT weights and the default currency. A 422 shows each problem beside its field; the form
// keeps what the admin typed. A save carries the version the form was loaded at; if another admin saved since (409),
// the form reloads their pipeline and says so.
import { el } from "./dom";
import { t, textOf } from "./language";
import { button, call, checkbox, field, heading, input, load, numberOf, select, showProblems, Status } from "./settings-ui";

interface Named { en: string; zh: string }
interface StageSetting { key: string; name: Named; probability: number; forecastCategory: string; exitCriteria: string[] }
interface LossReason { key: string; name: Named }
interface Bant { budget: number; authority: number; need: number; timeline: number }
export interface PipelineSettings {
  stages: StageSetting[]; lossReasons: LossReason[]; qualificationThreshold: number; bantWeights: Bant; defaultCurrency: string; version?: number;
}

const CATEGORIES = ["pipeline", "bestCase", "commit", "omitted", "won", "lost"] as const;
const CRITERIA = ["amount", "closeDate", "primaryContact", "nextStep", "decisionMaker", "budget", "quoteAccepted"] as const;
const BANT = ["budget", "authority", "need", "timeline"] as const;

/** Reads the form back into the API's shape: what is on screen is what is sent. */
type Reader = () => PipelineSettings;

function stageRow(stage: StageSetting, i: number): [HTMLTableRowElement, () => StageSetting] {
  const at = `stages[${i}]`;
  const en = input(stage.name.en, "text", 60), zh = input(stage.name.zh, "text", 60);
  const probability = input(stage.probability, "number");
  const category = select(CATEGORIES.map(c => [c, textOf(`category.${c}`)] as const), stage.forecastCategory);
  const boxes = CRITERIA.map(c => [c, checkbox(stage.exitCriteria.includes(c))] as const);
  const criteria = el("div", undefined, "checks");
  criteria.dataset.field = `${at}.exitCriteria`;
  for (const [key, box] of boxes) criteria.append(field(textOf(`criterion.${key}`), box));
  const row = el("tr");
  row.dataset.stage = stage.key;
  const cell = (...nodes: Node[]): void => { const td = el("td"); td.append(...nodes); row.append(td); };
  cell(el("code", stage.key));
  cell(field(t("nameEn"), en, `${at}.name.en`));
  cell(field(t("nameZh"), zh, `${at}.name.zh`));
  cell(field(t("probability"), probability, `${at}.probability`));
  cell(field(t("forecastCategory"), category, `${at}.forecastCategory`));
  cell(criteria);
  return [row, () => ({
    key: stage.key, name: { en: en.value, zh: zh.value }, probability: numberOf(probability), forecastCategory: category.value,
    exitCriteria: boxes.filter(([, box]) => box.checked).map(([key]) => key),
  })];
}

function reasonsEditor(reasons: LossReason[]): [HTMLElement, () => LossReason[]] {
  const list = el("div", undefined, "rows");
  list.dataset.field = "lossReasons";
  const readers: (() => LossReason)[] = [];
  const add = (reason: LossReason): void => {
    const at = `lossReasons[${readers.length}]`;
    const key = input(reason.key, "text", 60), en = input(reason.name.en, "text", 60), zh = input(reason.name.zh, "text", 60);
    const row = el("div", undefined, "row");
    row.append(field(t("key"), key, `${at}.key`), field(t("nameEn"), en, `${at}.name.en`), field(t("nameZh"), zh, `${at}.name.zh`));
    list.append(row);
    readers.push(() => ({ key: key.value, name: { en: en.value, zh: zh.value } }));
  };
  reasons.forEach(add);
  const wrap = el("div");
  wrap.append(list, button("addLossReason", () => add({ key: "", name: { en: "", zh: "" } }), "link"));
  return [wrap, () => readers.map(read => read()).filter(r => r.key || r.name.en || r.name.zh)];
}

function form(settings: PipelineSettings): [HTMLElement, Reader] {
  const root = el("div");
  const table = el("table", undefined, "stages");
  const stages = settings.stages.map(stageRow);
  table.append(...stages.map(([row]) => row));
  const [reasons, readReasons] = reasonsEditor(settings.lossReasons);
  const threshold = input(settings.qualificationThreshold, "number");
  const currency = input(settings.defaultCurrency, "text", 3);
  const weights = BANT.map(k => [k, input(settings.bantWeights[k], "number")] as const);
  const weightRow = el("div", undefined, "row");
  weightRow.dataset.field = "bantWeights";
  for (const [key, box] of weights) weightRow.append(field(textOf(`bant.${key}`), box, `bantWeights.${key}`));
  const general = el("div", undefined, "row");
  general.append(field(t("qualificationThreshold"), threshold, "qualificationThreshold"), field(t("defaultCurrency"), currency, "defaultCurrency"));
  root.append(heading("stages"), table, heading("lossReasons"), reasons, heading("bantWeights"), weightRow, general);
  return [root, () => ({
    stages: stages.map(([, read]) => read()),
    lossReasons: readReasons(),
    qualificationThreshold: numberOf(threshold),
    bantWeights: Object.fromEntries(weights.map(([k, box]) => [k, numberOf(box)])) as unknown as Bant,
    defaultCurrency: currency.value,
    version: settings.version,
  })];
}

export async function mountPipeline(section: HTMLElement): Promise<void> {
  const status = new Status();
  const body = el("div");
  let read: Reader = () => { throw new Error("not loaded"); };
  const draw = (settings: PipelineSettings): void => {
    const [node, reader] = form(settings);
    read = reader;
    body.replaceChildren(node);
  };
  const save = async (): Promise<void> => {
    status.show(t("saving"));
    const answer = await call<PipelineSettings>("PUT", "api/admin/pipeline", read());
    if (answer.status === 409) {
      const latest = await load<PipelineSettings>("api/admin/pipeline");
      draw(latest);
      showProblems(body, {}, status);
      status.show(t("pipelineChangedElsewhere", { version: String(latest.version ?? "") }), true);
    } else if (answer.ok && answer.data) {
      draw(answer.data);
      showProblems(body, {}, status);
      status.show(t("savedVersion", { version: String(answer.data.version ?? "") }));
    } else {
      showProblems(body, answer.problems, status);
      status.show(t("notSaved", { reason: answer.message }), true);
    }
  };
  draw(await load<PipelineSettings>("api/admin/pipeline"));
  section.append(body, button("save", save), ...status.nodes());
}
