// Every word the dashboard itself shows, in English and Simplified Chinese. Stage names are not here: they are the
// tenant's, from GET api/pipeline in the caller's language. Values may hold {placeholders} that t() fills.

const en = {
  title: "Pipeline dashboard", period: "Period", from: "From", to: "To", owner: "Owner", team: "Team", all: "All",
  "this-month": "This month", "this-quarter": "This quarter", "last-quarter": "Last quarter", "this-year": "This year", custom: "Custom",
  conversion: "Funnel", forecast: "Forecast by month", cycle: "Cycle time", "loss-reasons": "Loss reasons",
  loading: "Loading…", loaded: "Showing {from} to {to}, as of {asOf}.", failed: "Could not load the reports ({reason}).",
  signInFailed: "Teams could not sign you in to Collaboration ({reason}). Close and reopen this tab; if it keeps happening, "
    + "ask your administrator to check the app's single sign-on setup in Microsoft Entra ID.",
  empty: "No data for this period.", csv: "CSV",
  stage: "Stage", entered: "Entered", advanced: "Advanced", won: "Won", month: "Month", amount: "Amount", weighted: "Weighted",
  measure: "Measure", deals: "Deals", averageDays: "Avg. days", medianDays: "Median days", reason: "Reason", days: "d",
  wholeCycle: "Capture → won",
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
};

export type TextKey = keyof typeof en;

const zh: Record<TextKey, string> = {
  title: "销售漏斗仪表板", period: "期间", from: "开始", to: "结束", owner: "负责人", team: "团队", all: "全部",
  "this-month": "本月", "this-quarter": "本季度", "last-quarter": "上季度", "this-year": "今年", custom: "自定义",
  conversion: "销售漏斗", forecast: "按月预测", cycle: "销售周期", "loss-reasons": "输单原因",
  loading: "正在加载…", loaded: "显示 {from} 至 {to}，截至 {asOf}。", failed: "无法加载报表（{reason}）。",
  signInFailed: "Teams 无法让你登录协作 CRM（{reason}）。请关闭并重新打开此标签页；如果问题仍然存在，"
    + "请联系管理员检查应用在 Microsoft Entra ID 中的单一登录设置。",
  empty: "此期间没有数据。", csv: "CSV",
  stage: "阶段", entered: "进入", advanced: "推进", won: "赢单", month: "月份", amount: "金额", weighted: "加权金额",
  measure: "指标", deals: "商机数", averageDays: "平均天数", medianDays: "中位天数", reason: "原因", days: "天",
  wholeCycle: "获取 → 赢单",
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
};

export type Lang = "en" | "zh";

export const TEXTS: Record<Lang, Record<TextKey, string>> = { en, zh };

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(en, key);
}
