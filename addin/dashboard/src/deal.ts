// The deal page (/deals/{id}): one deal for a signed-in rep who may see it, the page Teams unfurls deal links from.
// Everything shown is the API's data put in as text. A deal the rep may not see answers 404, worded as such.
import { send } from "./api";
import { showQuotes } from "./deal-quotes";
import { dealText } from "./deal-texts";
import { byId, el } from "./dom";
import { locale } from "./language";
import { joinTeams } from "./teams-tab";

interface DealJson {
  name: string;
  stageName: string;
  amount: number | null;
  currency: string;
  probability: number;
  closeDate: string | null;
  account: { name: string } | null;
  nextStep: string | null;
  lastActivityAt: string | null;
}

/** The deal id at the end of the path, or null when the path names none. */
export function dealIdOf(path: string): string | null {
  const match = /\/deals\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(path);
  return match?.[1] ?? null;
}

function status(text: string, isError = false): void {
  const node = byId("status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function money(deal: DealJson): string {
  if (deal.amount === null) return dealText("msgext.none");
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(deal.amount)} ${deal.currency}`;
}

function show(deal: DealJson): void {
  byId("deal-name").textContent = deal.name;
  const none = dealText("msgext.none");
  const rows: [string, string][] = [
    [dealText("msgext.account"), deal.account?.name ?? none],
    [dealText("msgext.stage"), deal.stageName],
    [dealText("msgext.amount"), money(deal)],
    [dealText("msgext.probability"), `${deal.probability}%`],
    [dealText("msgext.close_date"), deal.closeDate ?? none],
    [dealText("msgext.next_step"), deal.nextStep ?? none],
    [dealText("msgext.last_activity"), deal.lastActivityAt ? new Date(deal.lastActivityAt).toLocaleString(locale()) : none],
  ];
  const facts = byId("facts");
  facts.replaceChildren();
  for (const [term, value] of rows) facts.append(el("dt", term), el("dd", value));
  status("");
}

async function start(): Promise<void> {
  await joinTeams();
  document.documentElement.lang = locale();
  document.title = dealText("msgext.title");
  byId("dashboard-link").textContent = dealText("msgext.dashboard_link");
  const id = dealIdOf(location.pathname);
  if (!id) {
    status(dealText("msgext.not_found"), true);
    return;
  }
  status(dealText("msgext.loading"));
  try {
    const response = await send(`../api/opportunities/${id}`);
    if (response.status === 404 || response.status === 403) {
      status(dealText("msgext.not_found"), true);
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    show((await response.json()) as DealJson);
    await showQuotes(id);
  } catch (error) {
    status(dealText("msgext.failed", { reason: error instanceof Error ? error.message : "?" }), true);
  }
}

void start();
