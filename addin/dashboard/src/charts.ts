// SVG bar and column charts and the plain tables beside them.
import { el, svg } from "./dom";
import { moneyFormat, numberFormat } from "./language";

export interface Bar { label: string; value: number; text: string; className?: string }

export interface MonthColumn { label: string; amount: number; weighted: number }

/** Horizontal bars, one per row; a funnel centres them. */
export function barChart(bars: Bar[], centred: boolean): SVGElement {
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

/** Vertical bars by month: the amount faint behind, the weighted amount in front. */
export function columnChart(months: MonthColumn[]): SVGElement {
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

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** A table whose first column is text and the others right-aligned numbers. */
export function table(headers: string[], rows: (string | number)[][]): HTMLTableElement {
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
