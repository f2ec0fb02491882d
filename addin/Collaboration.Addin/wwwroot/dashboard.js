// Pipeline dashboard for the Collaboration CRM: funnel, forecast by month, cycle time and loss reasons from
// GET api/reports/{report}. Plain ES module, no build step. Every piece of text (owner names, loss reasons and
// competitors are user data) goes into the DOM through textContent or SVG text nodes, never as markup.
// URLs are relative so the page works under any path prefix, in a browser and as a Teams tab (no popups).

/** @typedef {"en" | "zh"} Lang */
/** @typedef {{ objectId: string, displayName: string, team: string | null }} Person */
/** @typedef {{ reports: string[], people: Person[], teams: string[] }} Catalog */
/** @typedef {{ report: string, from: string, to: string, asOf: string, rows: any[], summary: any }} Report */
/** @typedef {{ label: string, value: number, text: string, className?: string }} Bar */

const SVG = "http://www.w3.org/2000/svg";
const OPEN_STAGES = ["new", "qualify", "nurture", "proposal", "negotiation", "contract"];

/** @type {Record<Lang, Record<string, string>>} */
const TEXTS = {
  en: {
    title: "Pipeline dashboard", period: "Period", from: "From", to: "To", owner: "Owner", team: "Team", all: "All",
    "this-month": "This month", "this-quarter": "This quarter", "last-quarter": "Last quarter", "this-year": "This year", custom: "Custom",
    conversion: "Funnel", forecast: "Forecast by month", cycle: "Cycle time", "loss-reasons": "Loss reasons",
    loading: "Loading…", loaded: "Showing {from} to {to}, as of {asOf}.", failed: "Could not load the reports ({status}).",
    empty: "No data for this period.", csv: "CSV",
    stage: "Stage", entered: "Entered", advanced: "Advanced", won: "Won", month: "Month", amount: "Amount", weighted: "Weighted",
    measure: "Measure", deals: "Deals", averageDays: "Avg. days", medianDays: "Median days", reason: "Reason", days: "d",
    "stage.new": "New", "stage.qualify": "Qualify", "stage.nurture": "Nurture", "stage.proposal": "Proposal",
    "stage.negotiation": "Negotiation", "stage.contract": "Contract", "stage.cycle": "Capture → won",
    noReason: "(no reason)",
  },
  zh: {
    title: "销售漏斗仪表板", period: "期间", from: "开始", to: "结束", owner: "负责人", team: "团队", all: "全部",
    "this-month": "本月", "this-quarter": "本季度", "last-quarter": "上季度", "this-year": "今年", custom: "自定义",
    conversion: "销售漏斗", forecast: "按月预测", cycle: "销售周期", "loss-reasons": "输单原因",
    loading: "正在加载…", loaded: "显示 {from} 至 {to}，截至 {asOf}。", failed: "无法加载报表（{status}）。",
    empty: "此期间没有数据。", csv: "CSV",
    stage: "阶段", entered: "进入", advanced: "推进", won: "赢单", month: "月份", amount: "金额", weighted: "加权金额",
    measure: "指标", deals: "商机数", averageDays: "平均天数", medianDays: "中位天数", reason: "原因", days: "天",
    "stage.new": "新建", "stage.qualify": "资格审核", "stage.nurture": "培育", "stage.proposal": "方案",
    "stage.negotiation": "谈判", "stage.contract": "合同", "stage.cycle": "获取 → 赢单",
    noReason: "（无原因）",
  },
};

/** @returns {Lang} */
export function pickLanguage(/** @type {string} */ search, /** @type {string | undefined} */ navigatorLanguage) {
  const wanted = new URLSearchParams(search).get("lang") ?? navigatorLanguage ?? "en";
  return wanted.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const lang = pickLanguage(location.search, navigator.language);

/** @param {string} key @param {Record<string, string>} [values] */
function t(key, values = {}) {
  let text = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replace(`{${name}}`, value);
  return text;
}

/** The first and last day (yyyy-MM-dd, UTC) of a named period around today. @param {string} period @param {Date} now */
export function periodRange(period, now) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const q = Math.floor(m / 3) * 3;
  /** @param {number} year @param {number} month @param {number} day */
  const iso = (year, month, day) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
  switch (period) {
    case "this-month": return { from: iso(y, m, 1), to: iso(y, m + 1, 0) };
    case "last-quarter": return { from: iso(y, q - 3, 1), to: iso(y, q, 0) };
    case "this-year": return { from: iso(y, 0, 1), to: iso(y, 11, 31) };
    default: return { from: iso(y, q, 1), to: iso(y, q + 3, 0) };
  }
}

/** @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {string} [text] @param {string} [className] */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** @param {string} tag @param {Record<string, string | number>} attributes @param {string} [text] */
function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const numberFormat = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Horizontal bars, one per row; a funnel centres them. @param {Bar[]} bars @param {boolean} centred */
function barChart(bars, centred) {
  const width = 400, row = 26, labelWidth = 120, valueWidth = 56;
  const height = bars.length * row + 8;
  const max = Math.max(1, ...bars.map(b => b.value));
  const room = width - labelWidth - valueWidth;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  bars.forEach((bar, i) => {
    const y = 4 + i * row;
    const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * room);
    const x = centred ? labelWidth + (room - w) / 2 : labelWidth;
    chart.append(svg("text", { x: labelWidth - 6, y: y + row / 2 + 4, "text-anchor": "end", class: "label" }, truncate(bar.label, 18)));
    const rect = svg("rect", { x, y: y + 3, width: w, height: row - 8, rx: 3, class: bar.className ?? "bar-main" });
    rect.append(svg("title", {}, `${bar.label}: ${bar.text}`));
    chart.append(rect);
    chart.append(svg("text", { x: width - valueWidth + 4, y: y + row / 2 + 4, class: "value" }, bar.text));
  });
  return chart;
}

/** Vertical bars by month: the amount faint behind, the weighted amount in front. @param {{ label: string, amount: number, weighted: number }[]} months */
function columnChart(months) {
  const width = 400, height = 180, base = 150, top = 16;
  const max = Math.max(1, ...months.map(m => m.amount));
  const slot = (width - 20) / Math.max(1, months.length);
  const barWidth = Math.min(48, slot * 0.6);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  chart.append(svg("line", { x1: 10, x2: width - 10, y1: base, y2: base, class: "axis" }));
  months.forEach((month, i) => {
    const x = 10 + i * slot + (slot - barWidth) / 2;
    const full = ((base - top) * month.amount) / max;
    const weighted = ((base - top) * month.weighted) / max;
    const back = svg("rect", { x, y: base - full, width: barWidth, height: full, class: "bar-alt" });
    back.append(svg("title", {}, `${month.label}: ${moneyFormat.format(month.amount)} / ${moneyFormat.format(month.weighted)}`));
    chart.append(back);
    chart.append(svg("rect", { x, y: base - weighted, width: barWidth, height: weighted, class: "bar-main" }));
    chart.append(svg("text", { x: x + barWidth / 2, y: base + 16, "text-anchor": "middle", class: "label" }, month.label));
    chart.append(svg("text", { x: x + barWidth / 2, y: Math.max(12, base - full - 4), "text-anchor": "middle", class: "value" }, moneyFormat.format(month.weighted)));
  });
  return chart;
}

/** @param {string} text @param {number} max */
function truncate(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** @param {string[]} headers @param {(string | number)[][]} rows */
function table(headers, rows) {
  const node = el("table");
  const head = node.createTHead().insertRow();
  headers.forEach((h, i) => head.append(el("th", h, i > 0 ? "num" : undefined)));
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => tr.append(el("td", typeof cell === "number" ? numberFormat.format(cell) : cell, i > 0 ? "num" : undefined)));
  }
  return node;
}

/** @param {string} id @param {Element | null} chart @param {Element | null} data */
function show(id, chart, data) {
  const panel = /** @type {HTMLElement} */ (document.getElementById(id));
  const chartBox = /** @type {HTMLElement} */ (panel.querySelector(".chart"));
  const tableBox = /** @type {HTMLElement} */ (panel.querySelector(".table"));
  chartBox.replaceChildren(chart ?? el("p", t("empty"), "empty"));
  tableBox.replaceChildren(...(data ? [data] : []));
}

/** @param {Report} report */
function drawConversion(report) {
  const entered = new Map(OPEN_STAGES.map(s => [s, { entered: 0, advanced: 0, won: 0 }]));
  for (const row of report.rows) {
    const tally = entered.get(row.stage);
    if (!tally) continue;
    tally.entered += row.entered; tally.advanced += row.advanced; tally.won += row.won;
  }
  const stages = OPEN_STAGES.filter(s => (entered.get(s)?.entered ?? 0) > 0);
  if (stages.length === 0) return show("conversion", null, null);
  const bars = stages.map(s => ({ label: t(`stage.${s}`), value: entered.get(s)?.entered ?? 0, text: numberFormat.format(entered.get(s)?.entered ?? 0) }));
  show("conversion", barChart(bars, true), table([t("stage"), t("entered"), t("advanced"), t("won")],
    stages.map(s => { const x = entered.get(s) ?? { entered: 0, advanced: 0, won: 0 }; return [t(`stage.${s}`), x.entered, x.advanced, x.won]; })));
}

/** @param {Report} report */
function drawForecast(report) {
  const rows = report.rows.filter(r => r.category !== "lost" && r.category !== "omitted");
  if (rows.length === 0) return show("forecast", null, null);
  /** @type {Map<string, number>} */
  const byCurrency = new Map();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.amount);
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0][0];
  /** @type {Map<string, { label: string, amount: number, weighted: number }>} */
  const months = new Map();
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

/** @param {Report} report */
function drawCycle(report) {
  /** @type {Map<string, { count: number, days: number, median: number }>} */
  const measures = new Map();
  for (const r of report.rows) {
    const m = measures.get(r.measure) ?? { count: 0, days: 0, median: 0 };
    m.days += r.averageDays * r.count; m.count += r.count; m.median = Math.max(m.median, r.medianDays);
    measures.set(r.measure, m);
  }
  const order = [...OPEN_STAGES, "cycle"].filter(k => measures.has(k));
  if (order.length === 0) return show("cycle", null, null);
  const average = (/** @type {string} */ k) => { const m = measures.get(k); return m && m.count > 0 ? m.days / m.count : 0; };
  const bars = order.map(k => ({ label: t(`stage.${k}`), value: average(k), text: `${numberFormat.format(average(k))} ${t("days")}`, className: k === "cycle" ? "bar-alt" : "bar-main" }));
  show("cycle", barChart(bars, false), table([t("measure"), t("deals"), t("averageDays")],
    order.map(k => [t(`stage.${k}`), measures.get(k)?.count ?? 0, average(k)])));
}

/** @param {Report} report */
function drawLossReasons(report) {
  /** @type {{ reason: string, currency: string, deals: number, amount: number }[]} */
  const reasons = report.summary?.byReason ?? [];
  if (reasons.length === 0) return show("loss-reasons", null, null);
  /** @type {Map<string, number>} */
  const deals = new Map();
  for (const r of reasons) deals.set(r.reason || t("noReason"), (deals.get(r.reason || t("noReason")) ?? 0) + r.deals);
  const sorted = [...deals.entries()].sort((a, b) => b[1] - a[1]);
  show("loss-reasons", barChart(sorted.map(([reason, n]) => ({ label: reason, value: n, text: numberFormat.format(n), className: "bar-lost" })), false),
    table([t("reason"), t("deals"), t("amount")], reasons.map(r => [`${r.reason || t("noReason")} (${r.currency})`, r.deals, r.amount])));
}

/** @type {Record<string, (report: Report) => void>} */
const DRAW = { conversion: drawConversion, forecast: drawForecast, cycle: drawCycle, "loss-reasons": drawLossReasons };

/** @param {string} path @param {string} accept */
async function get(path, accept = "application/json") {
  const response = await fetch(path, { headers: { Accept: accept, "Accept-Language": lang === "zh" ? "zh-CN" : "en-US" }, credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  return response;
}

function query() {
  const period = /** @type {HTMLSelectElement} */ (document.getElementById("period")).value;
  const fromInput = /** @type {HTMLInputElement} */ (document.getElementById("from"));
  const toInput = /** @type {HTMLInputElement} */ (document.getElementById("to"));
  if (period !== "custom") {
    const range = periodRange(period, new Date());
    fromInput.value = range.from;
    toInput.value = range.to;
  }
  const params = new URLSearchParams({ from: fromInput.value, to: toInput.value });
  const owner = /** @type {HTMLSelectElement} */ (document.getElementById("owner")).value;
  const team = /** @type {HTMLSelectElement} */ (document.getElementById("team")).value;
  if (owner) params.set("owner", owner);
  if (team) params.set("team", team);
  return params;
}

let generation = 0;

async function refresh() {
  const mine = ++generation;
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  status.className = "status";
  status.textContent = t("loading");
  const params = query();
  try {
    const reports = await Promise.all(Object.keys(DRAW).map(async key => /** @type {Report} */ (await (await get(`api/reports/${key}?${params}`)).json())));
    if (mine !== generation) return;
    for (const report of reports) DRAW[report.report](report);
    const first = reports[0];
    status.textContent = t("loaded", { from: first.from, to: first.to, asOf: new Date(first.asOf).toLocaleString(lang === "zh" ? "zh-CN" : "en-US") });
  } catch (error) {
    if (mine !== generation) return;
    status.className = "status error";
    status.textContent = t("failed", { status: error instanceof Error ? error.message : "?" });
  }
}

/** Downloads a report as CSV through a same-page link (no popup), keeping the filters. @param {string} key */
async function downloadCsv(key) {
  try {
    const response = await get(`api/reports/${key}?${query()}`, "text/csv");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${key}.csv`;
    const url = URL.createObjectURL(await response.blob());
    const link = el("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    const status = /** @type {HTMLElement} */ (document.getElementById("status"));
    status.className = "status error";
    status.textContent = t("failed", { status: error instanceof Error ? error.message : "?" });
  }
}

/** @param {HTMLSelectElement} select @param {{ value: string, label: string }[]} options */
function fill(select, options) {
  select.replaceChildren(Object.assign(el("option", t("all")), { value: "" }));
  for (const option of options) select.append(Object.assign(el("option", option.label), { value: option.value }));
}

function translate() {
  document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
  document.title = `Collaboration · ${t("title")}`;
  /** @type {HTMLElement} */ (document.getElementById("title")).textContent = t("title");
  document.querySelectorAll("[data-text]").forEach(node => { node.textContent = t(/** @type {HTMLElement} */ (node).dataset.text ?? ""); });
  document.querySelectorAll("#period option").forEach(node => { node.textContent = t(/** @type {HTMLOptionElement} */ (node).value); });
  document.querySelectorAll(".panel").forEach(panel => {
    const key = /** @type {HTMLElement} */ (panel).dataset.report ?? "";
    const heading = /** @type {HTMLElement} */ (panel.querySelector("h2"));
    const button = el("button", t("csv"), "csv");
    button.type = "button";
    button.title = `${t(key)} · CSV`;
    button.addEventListener("click", () => downloadCsv(key));
    heading.replaceChildren(el("span", t(key)), button);
  });
}

function toggleCustom() {
  const custom = /** @type {HTMLSelectElement} */ (document.getElementById("period")).value === "custom";
  document.querySelectorAll(".filters .custom").forEach(node => { /** @type {HTMLElement} */ (node).hidden = !custom; });
}

async function start() {
  translate();
  toggleCustom();
  const form = /** @type {HTMLFormElement} */ (document.getElementById("filters"));
  form.addEventListener("change", event => {
    if (/** @type {HTMLElement} */ (event.target).id === "period") toggleCustom();
    refresh();
  });
  form.addEventListener("submit", event => event.preventDefault());
  try {
    /** @type {Catalog} */
    const catalog = await (await get("api/reports")).json();
    fill(/** @type {HTMLSelectElement} */ (document.getElementById("owner")), catalog.people.map(p => ({ value: p.objectId, label: p.displayName })));
    fill(/** @type {HTMLSelectElement} */ (document.getElementById("team")), catalog.teams.map(team => ({ value: team, label: team })));
  } catch {
    // The pickers stay at "All"; refresh() reports the failure.
  }
  await refresh();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
