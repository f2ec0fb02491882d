// Pipeline dashboard for the Collaboration CRM: funnel, forecast by month, cycle time and loss reasons from
// GET api/reports/{report}. Plain ES module, no build step. Every piece of text (owner names, loss reasons and
// competitors are user data) goes into the DOM through textContent or SVG text nodes, never as markup.
// URLs are relative so the page works under any path prefix, in a browser and as a Teams tab (no popups). As a Teams tab
// it imports dashboard-teams.js (bundled from addin/dashboard with @microsoft/teams-js): every API call carries the Teams
// SSO token, and the tab follows the user's Teams language and theme.

/** @typedef {"en" | "zh"} Lang */
/** @typedef {{ objectId: string, displayName: string, team: string | null }} Person */
/** @typedef {{ reports: string[], people: Person[], teams: string[] }} Catalog */
/** @typedef {{ report: string, from: string, to: string, asOf: string, rows: any[], summary: any }} Report */
/** @typedef {{ label: string, value: number, text: string, className?: string }} Bar */
/** @typedef {"default" | "dark" | "contrast"} Theme */
/** @typedef {{ locale: string, theme: Theme, onThemeChange(handler: (theme: Theme) => void): void, token(): Promise<string> }} TeamsTab */
/** @typedef {{ promise: Promise<string | null> }} TokenRequest */

const SVG = "http://www.w3.org/2000/svg";
const OPEN_STAGES = ["new", "qualify", "nurture", "proposal", "negotiation", "contract"];

/** @type {Record<Lang, Record<string, string>>} */
const TEXTS = {
  en: {
    title: "Pipeline dashboard", period: "Period", from: "From", to: "To", owner: "Owner", team: "Team", all: "All",
    "this-month": "This month", "this-quarter": "This quarter", "last-quarter": "Last quarter", "this-year": "This year", custom: "Custom",
    conversion: "Funnel", forecast: "Forecast by month", cycle: "Cycle time", "loss-reasons": "Loss reasons",
    loading: "Loading…", loaded: "Showing {from} to {to}, as of {asOf}.", failed: "Could not load the reports ({reason}).",
    signInFailed: "Teams could not sign you in to Collaboration ({reason}). Close and reopen this tab; if it keeps happening, "
      + "ask your administrator to check the app's single sign-on setup in Microsoft Entra ID.",
    empty: "No data for this period.", csv: "CSV",
    stage: "Stage", entered: "Entered", advanced: "Advanced", won: "Won", month: "Month", amount: "Amount", weighted: "Weighted",
    measure: "Measure", deals: "Deals", averageDays: "Avg. days", medianDays: "Median days", reason: "Reason", days: "d",
    "stage.new": "New", "stage.qualify": "Qualify", "stage.nurture": "Nurture", "stage.proposal": "Proposal",
    "stage.negotiation": "Negotiation", "stage.contract": "Contract", "stage.cycle": "Capture → won",
    noReason: "(no reason)",
    importTitle: "Import contacts/leads", importFile: "File (CSV or XLSX)", importSource: "Source name", importPreview: "Preview",
    importMapping: "Column for each field", importStart: "Import", notMapped: "(not mapped)",
    importNeedFile: "Choose a CSV or XLSX file first.", importNeedSource: "Name the source (e.g. the event) before importing.",
    importPreviewing: "Reading the file…", importPreviewed: "{total} rows in the file; the first {shown} are shown. Check the columns, then import.",
    importStarting: "Starting the import…", importProgress: "Importing: {processed} of {total} rows…",
    importDone: "Import finished: {processed} of {total} rows processed.", importFailed: "The import failed: {reason}",
    importRefused: "The server refused the file: {reason}",
    "count.created": "Created", "count.existingContacts": "Existing contacts", "count.alreadyImported": "Already imported",
    "count.duplicatesInFile": "Duplicates in the file", "count.invalid": "Invalid rows", importErrors: "Rows with problems",
    importLine: "Line {line} ({column}): {message}", count: "Count",
    "field.email": "Email", "field.name": "Name", "field.firstName": "First name", "field.lastName": "Last name", "field.company": "Company",
    "field.dealName": "Deal name", "field.amount": "Amount", "field.currency": "Currency", "field.closeDate": "Close date",
    "field.country": "Country/region", "field.budget": "Budget", "field.timeline": "Timeline", "field.notes": "Notes",
    "field.phone": "Phone", "field.title": "Job title",
  },
  zh: {
    title: "销售漏斗仪表板", period: "期间", from: "开始", to: "结束", owner: "负责人", team: "团队", all: "全部",
    "this-month": "本月", "this-quarter": "本季度", "last-quarter": "上季度", "this-year": "今年", custom: "自定义",
    conversion: "销售漏斗", forecast: "按月预测", cycle: "销售周期", "loss-reasons": "输单原因",
    loading: "正在加载…", loaded: "显示 {from} 至 {to}，截至 {asOf}。", failed: "无法加载报表（{reason}）。",
    signInFailed: "Teams 无法让你登录协作 CRM（{reason}）。请关闭并重新打开此标签页；如果问题仍然存在，"
      + "请联系管理员检查应用在 Microsoft Entra ID 中的单一登录设置。",
    empty: "此期间没有数据。", csv: "CSV",
    stage: "阶段", entered: "进入", advanced: "推进", won: "赢单", month: "月份", amount: "金额", weighted: "加权金额",
    measure: "指标", deals: "商机数", averageDays: "平均天数", medianDays: "中位天数", reason: "原因", days: "天",
    "stage.new": "新建", "stage.qualify": "资格审核", "stage.nurture": "培育", "stage.proposal": "方案",
    "stage.negotiation": "谈判", "stage.contract": "合同", "stage.cycle": "获取 → 赢单",
    noReason: "（无原因）",
    importTitle: "导入联系人/线索", importFile: "文件（CSV 或 XLSX）", importSource: "来源名称", importPreview: "预览",
    importMapping: "各字段对应的列", importStart: "导入", notMapped: "（不导入）",
    importNeedFile: "请先选择 CSV 或 XLSX 文件。", importNeedSource: "导入前请填写来源名称（例如活动名称）。",
    importPreviewing: "正在读取文件…", importPreviewed: "文件共 {total} 行，显示前 {shown} 行。请核对各列后导入。",
    importStarting: "正在开始导入…", importProgress: "正在导入：{processed} / {total} 行…",
    importDone: "导入完成：已处理 {processed} / {total} 行。", importFailed: "导入失败：{reason}",
    importRefused: "服务器拒绝了该文件：{reason}",
    "count.created": "新建", "count.existingContacts": "已有联系人", "count.alreadyImported": "已导入过",
    "count.duplicatesInFile": "文件内重复", "count.invalid": "无效行", importErrors: "有问题的行",
    importLine: "第 {line} 行（{column}）：{message}", count: "数量",
    "field.email": "邮箱", "field.name": "姓名", "field.firstName": "名", "field.lastName": "姓", "field.company": "公司",
    "field.dealName": "商机名称", "field.amount": "金额", "field.currency": "币种", "field.closeDate": "预计成交日期",
    "field.country": "国家/地区", "field.budget": "预算", "field.timeline": "时间表", "field.notes": "备注",
    "field.phone": "电话", "field.title": "职位",
  },
};

/** @returns {Lang} */
export function pickLanguage(/** @type {string} */ search, /** @type {string | undefined} */ navigatorLanguage) {
  const wanted = new URLSearchParams(search).get("lang") ?? navigatorLanguage ?? "en";
  return wanted.toLowerCase().startsWith("zh") ? "zh" : "en";
}

let lang = pickLanguage(location.search, navigator.language);

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

/** The language tag for formats and Accept-Language. */
const locale = () => (lang === "zh" ? "zh-CN" : "en-US");

let numberFormat = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
let moneyFormat = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });

/** Switches the page's language (before it is drawn): Teams tells the tab's language only once it has answered. @param {Lang} next */
function useLanguage(next) {
  lang = next;
  numberFormat = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  moneyFormat = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });
}

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

// ---- Teams tab: single sign-on, language and theme. ----

/** How long a framed page waits for a Teams host to answer before it carries on as a plain page. */
const TEAMS_HANDSHAKE_MS = 5000;

/** @type {TeamsTab | null} */
let teams = null;
/** The latest request for a Teams SSO token (its promise gives null when Teams gave none). @type {TokenRequest | null} */
let teamsToken = null;
/** @type {TokenRequest} */
const NO_TOKEN = { promise: Promise.resolve(null) };
/** Why Teams gave no token the last time it was asked (its own words), for the sign-in error. */
let teamsTokenProblem = "";

/** Inside Teams: the API refused the tab's calls even with a fresh token, or Teams gave none. The message is the user's. */
class SignInError extends Error {}

/**
 * Inside Teams the page is framed by the Teams client (or runs in its mobile webview): only then is teams-js loaded, and the
 * tab takes the user's Teams language (unless ?lang= says otherwise) and theme. A plain browser tab never downloads it and
 * keeps its sign-in as it is (same-origin credentials, or the backend's loopback development sign-in).
 */
async function joinTeams() {
  if (window.parent === window && !("nativeInterface" in window)) return;
  try {
    const { connect } = await import("./dashboard-teams.js");
    teams = await connect(TEAMS_HANDSHAKE_MS);
  } catch {
    teams = null;
  }
  if (!teams) return;
  useLanguage(pickLanguage(location.search, teams.locale));
  useTheme(teams.theme);
  teams.onThemeChange(useTheme);
}

/** @param {Theme} theme */
function useTheme(theme) {
  document.documentElement.dataset.theme = theme;
}

/**
 * The Teams SSO token for the API. Teams is asked once, and again only by a call that the API refused with the current
 * request's token (`refused`, the request it used): however many calls saw that 401, Teams is asked once more. Requests,
 * not token values, are compared: Teams may well answer with the same cached token.
 * @param {TokenRequest} [refused] @returns {TokenRequest}
 */
function tokenRequest(refused) {
  if (!teams) return NO_TOKEN;
  if (!teamsToken || teamsToken === refused) {
    teamsToken = {
      promise: teams.token().then(
        token => { teamsTokenProblem = ""; return token; },
        error => { teamsTokenProblem = error instanceof Error ? error.message : String(error); return null; }),
    };
  }
  return teamsToken;
}

/** @param {RequestInit & { headers?: Record<string, string> }} init @param {string | null} token @returns {RequestInit} */
function signed(init, token) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json", "Accept-Language": locale(), ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  return { ...init, headers, credentials: "same-origin" };
}

/**
 * Every API call of the page. Inside Teams it carries the Teams SSO token as Bearer; a 401 gets a fresh token and one more
 * try, and a second 401 is a sign-in failure. @param {string} path @param {RequestInit & { headers?: Record<string, string> }} [init]
 */
async function send(path, init = {}) {
  const used = tokenRequest();
  let response = await fetch(path, signed(init, await used.promise));
  if (response.status === 401 && teams) {
    response = await fetch(path, signed(init, await tokenRequest(used).promise));
    if (response.status === 401) throw new SignInError(t("signInFailed", { reason: teamsTokenProblem || "401" }));
  }
  return response;
}

/** What to tell the user about a failed call: a sign-in failure as it is, anything else inside the message `key`. @param {unknown} error @param {string} key */
function explain(error, key) {
  return error instanceof SignInError ? error.message : t(key, { reason: error instanceof Error ? error.message : "?" });
}

/** @param {string} path @param {string} accept */
async function get(path, accept = "application/json") {
  const response = await send(path, { headers: { Accept: accept } });
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
    status.textContent = t("loaded", { from: first.from, to: first.to, asOf: new Date(first.asOf).toLocaleString(locale()) });
  } catch (error) {
    if (mine !== generation) return;
    status.className = "status error";
    status.textContent = explain(error, "failed");
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
    status.textContent = explain(error, "failed");
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
  document.querySelectorAll(".panel[data-report]").forEach(panel => {
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

// ---- Import contacts/leads: preview a CSV/XLSX list, adjust the column for each field, import, follow the job. ----

/** @typedef {{ columns: string[], firstRows: string[][], totalRows: number, mapping: Record<string, string>, fields: string[] }} ImportPreview */
/** @typedef {{ id: string, status: string, totalRows: number, processedRows: number, created: number, existingContacts: number,
 *  alreadyImported: number, duplicatesInFile: number, invalid: number, errors: { line: number, column: string, message: string }[], failure: string | null }} ImportJob */

const IMPORT_FIELDS = ["email", "name", "firstName", "lastName", "company", "dealName", "amount", "currency", "closeDate", "country", "budget", "timeline", "notes", "phone", "title"];
const IMPORT_COUNTS = ["created", "existingContacts", "alreadyImported", "duplicatesInFile", "invalid"];

/** @param {string} id */
const byId = id => /** @type {any} */ (document.getElementById(id));

/** @param {string} message @param {boolean} [error] */
function importStatus(message, error = false) {
  const status = byId("import-status");
  status.className = error ? "status error" : "status";
  status.textContent = message;
}

/** The problem+json detail (or validation messages) of a refused request. @param {Response} response */
async function problem(response) {
  try {
    const body = await response.json();
    const errors = body.errors ? Object.values(body.errors).flat().join(" ") : "";
    return errors || body.detail || body.title || String(response.status);
  } catch {
    return String(response.status);
  }
}

/** @param {string} path @param {FormData} form */
async function postForm(path, form) {
  const response = await send(path, { method: "POST", body: form });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

/** @returns {FormData | null} */
function importForm() {
  /** @type {File | undefined} */
  const file = byId("import-file").files?.[0];
  if (!file) {
    importStatus(t("importNeedFile"), true);
    return null;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  const source = byId("import-source").value.trim();
  if (source) form.append("sourceName", source);
  return form;
}

/** @param {ImportPreview} preview */
function showPreview(preview) {
  const fields = IMPORT_FIELDS.filter(f => preview.fields.includes(f)).concat(preview.fields.filter(f => !IMPORT_FIELDS.includes(f)));
  const box = byId("import-mapping").querySelector("div");
  box.replaceChildren(...fields.map(field => {
    const select = el("select");
    select.id = `import-map-${field}`;
    select.dataset.field = field;
    select.append(Object.assign(el("option", t("notMapped")), { value: "" }));
    for (const column of preview.columns) select.append(Object.assign(el("option", column), { value: column }));
    select.value = preview.mapping[field] ?? "";
    // Named by its field alone (aria-labelledby): a wrapping label would add the selected column to the name.
    const name = el("span", t(`field.${field}`));
    name.id = `import-map-${field}-label`;
    select.setAttribute("aria-labelledby", name.id);
    const label = el("label");
    label.append(name, select);
    return label;
  }));
  byId("import-mapping").hidden = false;

  const rows = el("table");
  rows.id = "import-preview-table";
  rows.setAttribute("aria-label", t("importPreview"));
  const head = rows.createTHead().insertRow();
  for (const column of preview.columns) {
    const th = el("th", column);
    th.scope = "col";
    head.append(th);
  }
  const body = rows.createTBody();
  for (const row of preview.firstRows) {
    const tr = body.insertRow();
    preview.columns.forEach((_, i) => tr.append(el("td", row[i] ?? "")));
  }
  byId("import-rows").replaceChildren(rows);
  byId("import-start").hidden = false;
  byId("import-result").replaceChildren();
  importStatus(t("importPreviewed", { total: numberFormat.format(preview.totalRows), shown: numberFormat.format(preview.firstRows.length) }));
}

async function previewImport() {
  const form = importForm();
  if (!form) return;
  const button = byId("import-preview");
  button.disabled = true;
  importStatus(t("importPreviewing"));
  try {
    showPreview(await postForm("api/imports/preview", form));
  } catch (error) {
    importStatus(explain(error, "importRefused"), true);
  } finally {
    button.disabled = false;
  }
}

/** @param {ImportJob} job */
function showJob(job) {
  const done = job.status === "completed" || job.status === "failed";
  if (job.status === "failed") importStatus(t("importFailed", { reason: job.failure ?? "?" }), true);
  else importStatus(t(done ? "importDone" : "importProgress", { processed: numberFormat.format(job.processedRows), total: numberFormat.format(job.totalRows) }));
  const counts = table([t("measure"), t("count")], IMPORT_COUNTS.map(key => [t(`count.${key}`), /** @type {any} */ (job)[key] ?? 0]));
  counts.id = "import-counts";
  const parts = [counts];
  if (job.errors.length > 0) {
    const list = el("ul", undefined, "import-errors");
    list.id = "import-errors";
    list.setAttribute("aria-label", t("importErrors"));
    for (const e of job.errors) {
      const item = el("li", t("importLine", { line: String(e.line), column: e.column, message: e.message }));
      item.dataset.line = String(e.line);
      list.append(item);
    }
    parts.push(el("h3", t("importErrors")), list);
  }
  byId("import-result").replaceChildren(...parts);
  return done;
}

async function startImport() {
  const form = importForm();
  if (!form) return;
  if (!form.get("sourceName")) {
    importStatus(t("importNeedSource"), true);
    byId("import-source").focus();
    return;
  }
  /** @type {Record<string, string>} */
  const mapping = {};
  byId("import-mapping").querySelectorAll("select").forEach((/** @type {HTMLSelectElement} */ select) => {
    if (select.value && select.dataset.field) mapping[select.dataset.field] = select.value;
  });
  form.append("mapping", JSON.stringify(mapping));
  const buttons = [byId("import-start"), byId("import-preview")];
  buttons.forEach(b => { b.disabled = true; });
  importStatus(t("importStarting"));
  try {
    /** @type {ImportJob} */
    let job = await postForm("api/imports", form);
    while (!showJob(job)) {
      await new Promise(resolve => setTimeout(resolve, 500));
      job = await (await get(`api/imports/${encodeURIComponent(job.id)}`)).json();
    }
    if (job.status === "completed") refresh();
  } catch (error) {
    importStatus(explain(error, "importRefused"), true);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

function wireImport() {
  byId("import-form").addEventListener("submit", (/** @type {Event} */ event) => {
    event.preventDefault();
    previewImport();
  });
  byId("import-file").addEventListener("change", () => {
    byId("import-start").hidden = true;
    byId("import-mapping").hidden = true;
    byId("import-rows").replaceChildren();
    byId("import-result").replaceChildren();
  });
  byId("import-start").addEventListener("click", () => startImport());
}

async function start() {
  /** @type {HTMLElement} */ (document.getElementById("status")).textContent = t("loading");
  await joinTeams();
  translate();
  wireImport();
  toggleCustom();
  const form = /** @type {HTMLFormElement} */ (document.getElementById("filters"));
  form.addEventListener("change", event => {
    if (/** @type {HTMLElement} */ (event.target).id === "period") toggleCustom();
    refresh();
  });
  form.addEventListener("submit", event => event.preventDefault());
  // Together, so the first reports do not wait for the pickers (and, in Teams, one refused token is replaced once for all).
  await Promise.all([fillPickers(), refresh()]);
}

/** The people and teams the viewer may filter by. */
async function fillPickers() {
  try {
    /** @type {Catalog} */
    const catalog = await (await get("api/reports")).json();
    fill(/** @type {HTMLSelectElement} */ (document.getElementById("owner")), catalog.people.map(p => ({ value: p.objectId, label: p.displayName })));
    fill(/** @type {HTMLSelectElement} */ (document.getElementById("team")), catalog.teams.map(team => ({ value: team, label: team })));
  } catch {
    // The pickers stay at "All"; refresh() reports the failure.
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
