// Pipeline dashboard for the Collaboration CRM: funnel, forecast by month, cycle time and loss reasons from
// GET api/reports/{report}, with the stages of the tenant's pipeline (GET api/pipeline), CSV downloads and the import panel.
// As a Teams tab every API call carries the Teams SSO token, and the tab follows the user's Teams language and theme.
import { explain, get, getJson } from "./api";
import { drawAttainment, type AttainmentRow } from "./attainment";
import { byId, el } from "./dom";
import { query, toggleCustom, fillPickers } from "./filters";
import { wireImport } from "./import-panel";
import { language, locale, t, textOf } from "./language";
import { loadPipeline } from "./pipeline";
import { offerSettings } from "./dashboard-views";
import { whoAmI } from "./me";
import {
  drawConversion, drawCycle, drawForecast, drawLossReasons, REPORT_KEYS,
  type ConversionRow, type CycleRow, type ForecastRow, type LossReasonSummary, type Report,
} from "./reports";
import { joinTeams } from "./teams-tab";

function showError(message: string): void {
  const status = byId("status");
  status.className = "status error";
  status.textContent = message;
}

let generation = 0;

/** The owner picker's names, which the attainment panel shows for owner ids. */
let pickersReady: Promise<void> = Promise.resolve();

async function refresh(): Promise<void> {
  const mine = ++generation;
  const status = byId("status");
  status.className = "status";
  status.textContent = t("loading");
  const params = query();
  const report = <T>(key: (typeof REPORT_KEYS)[number]): Promise<T> => getJson<T>(`api/reports/${key}?${params}`);
  try {
    const [pipeline, conversion, forecast, cycle, lossReasons, attainment] = await Promise.all([
      loadPipeline(),
      report<Report<ConversionRow>>("conversion"),
      report<Report<ForecastRow>>("forecast"),
      report<Report<CycleRow>>("cycle"),
      report<Report<unknown, LossReasonSummary | null>>("loss-reasons"),
      report<Report<AttainmentRow>>("attainment"),
    ]);
    if (mine !== generation) return;
    drawConversion(conversion, pipeline);
    drawForecast(forecast);
    drawCycle(cycle, pipeline);
    drawLossReasons(lossReasons);
    await pickersReady;
    if (mine !== generation) return;
    drawAttainment(attainment);
    status.textContent = t("loaded", { from: conversion.from, to: conversion.to, asOf: new Date(conversion.asOf).toLocaleString(locale()) });
  } catch (error) {
    if (mine !== generation) return;
    showError(explain(error, "failed"));
  }
}

/** Downloads a report as CSV through a same-page link (no popup), keeping the filters. */
async function downloadCsv(key: string): Promise<void> {
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
    showError(explain(error, "failed"));
  }
}

function translate(): void {
  document.documentElement.lang = language() === "zh" ? "zh-Hans" : "en";
  document.title = `Collaboration · ${t("title")}`;
  byId("title").textContent = t("title");
  document.querySelectorAll<HTMLElement>("[data-text]").forEach(node => { node.textContent = textOf(node.dataset.text ?? ""); });
  document.querySelectorAll<HTMLOptionElement>("#period option").forEach(node => { node.textContent = textOf(node.value); });
  document.querySelectorAll<HTMLElement>(".panel[data-report]").forEach(panel => {
    const key = panel.dataset.report ?? "";
    const button = el("button", t("csv"), "csv");
    button.type = "button";
    button.title = `${textOf(key)} · CSV`;
    button.addEventListener("click", () => void downloadCsv(key));
    panel.querySelector("h2")?.replaceChildren(el("span", textOf(key)), button);
  });
}

async function start(): Promise<void> {
  byId("status").textContent = t("loading");
  await joinTeams();
  translate();
  void whoAmI().then(me => offerSettings(me, document.querySelector<HTMLElement>("header.bar") ?? document.body));
  wireImport(() => void refresh());
  toggleCustom();
  const form = byId<HTMLFormElement>("filters");
  form.addEventListener("change", event => {
    if ((event.target as HTMLElement).id === "period") toggleCustom();
    void refresh();
  });
  form.addEventListener("submit", event => event.preventDefault());
  // Together, so the first reports do not wait for the pickers (and, in Teams, one refused token is replaced once for all).
  pickersReady = fillPickers();
  await Promise.all([pickersReady, refresh()]);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
