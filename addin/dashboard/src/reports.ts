// The four report panels: funnel, forecast by month, cycle time and loss reasons, each a chart and a table.
import { barChart, columnChart, table, type MonthColumn } from "./charts";
import { byId, el } from "./dom";
import { numberFormat, t } from "./language";
import { openStages, type Pipeline } from "./pipeline";

export interface Report<Row, Summary = null> {
  report: string;
  from: string;
  to: string;
  asOf: string;
  rows: Row[];
  summary: Summary;
}

export interface ConversionRow { stage: string; entered: number; advanced: number; won: number }
export interface ForecastRow { month: string; category: string; currency: string; amount: number; weighted: number }
export interface CycleRow { measure: string; count: number; averageDays: number; medianDays: number }
export interface LossReasonTotal { reason: string; currency: string; deals: number; amount: number }
export interface LossReasonSummary { byReason: LossReasonTotal[] }

/** The panels' report keys, in the order they are asked for. */
export const REPORT_KEYS = ["conversion", "forecast", "cycle", "loss-reasons", "attainment"] as const;

function show(id: string, chart: Element | null, data: Element | null): void {
  const panel = byId(id);
  panel.querySelector(".chart")?.replaceChildren(chart ?? el("p", t("empty"), "empty"));
  panel.querySelector(".table")?.replaceChildren(...(data ? [data] : []));
}

export function drawConversion(report: Report<ConversionRow>, pipeline: Pipeline): void {
  const tallies = new Map(openStages(pipeline).map(s => [s.stage, { name: s.name, entered: 0, advanced: 0, won: 0 }]));
  for (const row of report.rows) {
    const tally = tallies.get(row.stage);
    if (!tally) continue;
    tally.entered += row.entered; tally.advanced += row.advanced; tally.won += row.won;
  }
  const shown = [...tallies.values()].filter(s => s.entered > 0);
  if (shown.length === 0) return show("conversion", null, null);
  const bars = shown.map(s => ({ label: s.name, value: s.entered, text: numberFormat.format(s.entered) }));
  show("conversion", barChart(bars, true), table([t("stage"), t("entered"), t("advanced"), t("won")],
    shown.map(s => [s.name, s.entered, s.advanced, s.won])));
}

export function drawForecast(report: Report<ForecastRow>): void {
  const rows = report.rows.filter(r => r.category !== "lost" && r.category !== "omitted");
  const byCurrency = new Map<string, number>();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.amount);
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (currency === undefined) return show("forecast", null, null);
  const months = new Map<string, MonthColumn>();
  for (const r of rows.filter(r => r.currency === currency)) {
    const month = months.get(r.month) ?? { label: r.month, amount: 0, weighted: 0 };
    month.amount += r.amount;
    month.weighted += r.category === "won" ? r.amount : r.weighted;
    months.set(r.month, month);
  }
  const ordered = [...months.values()].sort((a, b) => a.label.localeCompare(b.label));
  show("forecast", columnChart(ordered), table([`${t("month")} (${currency})`, t("amount"), t("weighted")],
    ordered.map(m => [m.label, m.amount, m.weighted])));
}

export function drawCycle(report: Report<CycleRow>, pipeline: Pipeline): void {
  const measures = new Map<string, { count: number; days: number; median: number }>();
  for (const r of report.rows) {
    const m = measures.get(r.measure) ?? { count: 0, days: 0, median: 0 };
    m.days += r.averageDays * r.count; m.count += r.count; m.median = Math.max(m.median, r.medianDays);
    measures.set(r.measure, m);
  }
  // Each open stage under the tenant's name, then the whole cycle from capture to won.
  const names = new Map([...openStages(pipeline).map(s => [s.stage, s.name] as const), ["cycle", t("wholeCycle")] as const]);
  const order = [...names.keys()].filter(k => measures.has(k));
  if (order.length === 0) return show("cycle", null, null);
  const average = (k: string): number => { const m = measures.get(k); return m && m.count > 0 ? m.days / m.count : 0; };
  const name = (k: string): string => names.get(k) ?? k;
  const bars = order.map(k => ({ label: name(k), value: average(k), text: `${numberFormat.format(average(k))} ${t("days")}`, className: k === "cycle" ? "bar-alt" : "bar-main" }));
  show("cycle", barChart(bars, false), table([t("measure"), t("deals"), t("averageDays")],
    order.map(k => [name(k), measures.get(k)?.count ?? 0, average(k)])));
}

export function drawLossReasons(report: Report<unknown, LossReasonSummary | null>): void {
  const reasons = report.summary?.byReason ?? [];
  if (reasons.length === 0) return show("loss-reasons", null, null);
  const deals = new Map<string, number>();
  for (const r of reasons) deals.set(r.reason || t("noReason"), (deals.get(r.reason || t("noReason")) ?? 0) + r.deals);
  const sorted = [...deals.entries()].sort((a, b) => b[1] - a[1]);
  show("loss-reasons", barChart(sorted.map(([reason, n]) => ({ label: reason, value: n, text: numberFormat.format(n), className: "bar-lost" })), false),
    table([t("reason"), t("deals"), t("amount")], reasons.map(r => [`${r.reason || t("noReason")} (${r.currency})`, r.deals, r.amount])));
}
