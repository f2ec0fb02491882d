// The Outlook task pane: who sent the open email, their open deals, the selected deal's stage and BANT, and the
// actions "Create opportunity", "Log to deal" and "Advance stage", plus the deal's panels (edit, move, close, reopen,
// history, follow-up plan). Pinnable: re-reads on ItemChanged.
import { Api, ApiError, type DealView, type EmailFields, type PaneConfig, type ResolveResponse } from "./api";
import { signIn, type SignIn } from "./auth";
import { bantForm } from "./bant";
import { dealActions, type PanelName } from "./deal-actions";
import { append, h, replace } from "./dom";
import { formatDate, type DealContext } from "./forms";
import { localeFor, type Locale } from "./i18n";
import { currentItem, readEmail } from "./mail";
import { showAppointment } from "./appointment";
import { showCompose, type ModeContext } from "./compose";
import { modeOf } from "./item-modes";

interface Loaded { email: EmailFields; resolved: ResolveResponse; deal: DealView | null }

let locale: Locale = localeFor(undefined);
let token: string | null = null;
let api = new Api(locale.acceptLanguage, () => token);
let config: PaneConfig | null = null;
/** Bumped on every item change: answers for an older item are dropped. */
let generation = 0;
let loaded: Loaded | null = null;
/** The "Referred by" text: kept across re-renders of the same item, cleared when the item changes. */
let referral = "";
/** The deal panel that is open; closed when another deal or item is shown, or after a change is saved. */
let openPanel: PanelName | null = null;

const content = () => document.getElementById("content") as HTMLElement;
const status = () => document.getElementById("status") as HTMLElement;

function announce(message: string): void {
  status().textContent = message;
}

function showMessage(kind: "loading" | "empty" | "signedOut" | "error", title: string, text: string, action?: { label: string; run: () => void }) {
  const button = action ? h("button", { type: "button", class: "button primary" }, action.label) : null;
  if (button && action) button.addEventListener("click", action.run);
  replace(content(), h("section", { class: `state state-${kind}`, "data-state": kind },
    kind === "loading" ? h("div", { class: "spinner", "aria-hidden": "true" }) : null,
    h("h2", {}, title), h("p", {}, text), button));
  announce(kind === "loading" ? locale.t.loading : `${title}. ${text}`);
}

const showLoading = () => showMessage("loading", locale.t.loading, "");

async function ensureSignedIn(interactive: boolean): Promise<SignIn["kind"]> {
  config ??= await api.config();
  const result = await signIn(config, interactive);
  token = result.kind === "token" ? result.token : null;
  lookAtSentOnce();
  return result.kind;
}

/** Reads the current item and shows what the CRM knows about it. */
async function load(interactive = false): Promise<void> {
  const mine = ++generation;
  loaded = null;
  referral = "";
  openPanel = null;
  const item = currentItem();
  if (!item) {
    showMessage("empty", locale.t.noItemTitle, locale.t.noItem);
    return;
  }
  showLoading();
  const mode = modeOf(item as unknown as Office.Item);
  if (mode !== "read") return showMode(mine, mode, item as unknown as Office.MessageCompose & Office.AppointmentRead, interactive);
  try {
    const email = await readEmail(item);
    if (mine !== generation) return;
    if (!email) {
      showMessage("empty", locale.t.noItemTitle, locale.t.noItem);
      return;
    }
    if ((await ensureSignedIn(interactive)) === "signedOut") {
      if (mine === generation) showSignedOut();
      return;
    }
    const resolved = await api.resolve(email);
    if (mine !== generation) return;
    const dealId = resolved.suggestion.dealId ?? resolved.alreadyLogged?.dealId ?? resolved.openDeals[0]?.id ?? null;
    const deal = dealId ? await api.deal(dealId) : null;
    if (mine !== generation) return;
    loaded = { email, resolved, deal };
    render();
  } catch (e) {
    if (mine === generation) showError(e);
  }
}

/** Compose and appointment modes: their own views (compose.ts, appointment.ts) over the same API and sign-in. */
async function showMode(mine: number, mode: "compose" | "appointment", item: Office.MessageCompose & Office.AppointmentRead, interactive: boolean) {
  try {
    if ((await ensureSignedIn(interactive)) === "signedOut") {
      if (mine === generation) showSignedOut();
      return;
    }
    const ctx: ModeContext = { locale, api, content: content(), act, announce, current: () => mine === generation };
    await (mode === "compose" ? showCompose(ctx, item) : showAppointment(ctx, item));
  } catch (e) {
    if (mine === generation) showError(e);
  }
}

/** Once per pane: messages stamped "log when sent" that have been sent since are logged now (backend, Sent Items). */
let lookedAtSent = false;
function lookAtSentOnce(): void {
  if (lookedAtSent || !token) return;
  lookedAtSent = true;
  api.lookAtSent().catch(() => { lookedAtSent = false; });
}

function showSignedOut(): void {
  showMessage("signedOut", locale.t.signedOutTitle, locale.t.signedOut, { label: locale.t.signIn, run: () => void load(true) });
}

function showError(e: unknown): void {
  if (e instanceof ApiError && e.status === 401) {
    token = null;
    showSignedOut();
    return;
  }
  const detail = e instanceof Error ? e.message : String(e);
  showMessage("error", locale.t.errorTitle, detail, { label: locale.t.retry, run: () => void load() });
}

/** A refusal from an action: shown in the pane without losing what is on screen; a conflict refreshes the deal. */
async function actionFailed(e: unknown): Promise<void> {
  if (e instanceof ApiError && e.status === 401) return showError(e);
  const message = e instanceof ApiError && e.status === 409 ? `${e.detail} ${locale.t.conflict}` : e instanceof Error ? e.message : String(e);
  if (e instanceof ApiError && e.status === 409 && loaded?.deal) {
    const mine = generation;
    try {
      const fresh = await api.deal(loaded.deal.id);
      if (mine === generation && loaded) {
        loaded.deal = fresh;
        render();
      }
    } catch {
      // keep the message below
    }
  }
  showAlert(message);
  announce(message);
}

function showAlert(message: string): void {
  const alert = document.getElementById("alert");
  if (!alert) return;
  alert.hidden = false;
  alert.textContent = message;
}

async function act(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  const mine = generation;
  document.querySelectorAll<HTMLButtonElement>("#content button").forEach(b => (b.disabled = true));
  button.setAttribute("aria-busy", "true");
  try {
    await work();
  } catch (e) {
    if (mine === generation) await actionFailed(e);
  } finally {
    if (mine === generation) {
      button.removeAttribute("aria-busy");
      document.querySelectorAll<HTMLButtonElement>("#content button").forEach(b => (b.disabled = b.dataset["disabled"] === "true"));
    }
  }
}

async function selectDeal(dealId: string | null): Promise<void> {
  if (!loaded) return;
  const mine = generation;
  loaded.deal = dealId ? await api.deal(dealId) : null;
  openPanel = null;
  if (mine === generation) render();
}

function render(): void {
  if (!loaded) return;
  const { t } = locale;
  const { email, resolved, deal } = loaded;
  const sender = resolved.sender;

  const senderCard = h("section", { class: "card", "aria-labelledby": "sender-title" },
    h("h2", { id: "sender-title", class: "section-title" }, t.sender),
    h("p", { class: "sender-name", "data-testid": "sender-name" }, sender.contact?.name ?? sender.name ?? sender.address),
    h("p", { class: "muted", "data-testid": "sender-address" }, sender.address),
    h("p", { class: "badges" },
      h("span", { class: sender.isNewContact ? "badge new" : "badge known", "data-testid": "contact-badge" },
        sender.isNewContact ? t.newContact : t.knownContact),
      sender.isFreeMail
        ? h("span", { class: "badge", "data-testid": "account" }, t.freeMail)
        : sender.account
          ? h("span", { class: sender.isNewAccount ? "badge new" : "badge known", "data-testid": "account" },
            `${sender.isNewAccount ? t.newAccount : t.account}: ${sender.account.name}`)
          : sender.isNewAccount
            ? h("span", { class: "badge new", "data-testid": "account" }, `${t.newAccount}: ${sender.address.split("@").pop() ?? ""}`)
            : null),
    h("p", { class: "subject" }, h("span", { class: "muted" }, `${t.subject}: `), h("span", { "data-testid": "subject" }, email.subject)),
    resolved.alreadyLogged ? h("p", { class: "note", "data-testid": "already-logged" }, `${t.alreadyLogged} ${resolved.alreadyLogged.dealName}`) : null);

  const deals = [...resolved.openDeals];
  if (resolved.conversationDeal && !deals.some(d => d.id === resolved.conversationDeal?.id)) deals.unshift(resolved.conversationDeal);
  const dealSelect = h("select", { id: "deal-select", class: "input" });
  for (const d of deals) {
    const option = h("option", { value: d.id }, d.accountName ? `${d.name} · ${d.accountName}` : d.name);
    option.selected = d.id === deal?.id;
    dealSelect.appendChild(option);
  }
  dealSelect.addEventListener("change", () => void selectDeal(dealSelect.value).catch(actionFailed));

  const create = h("button", { id: "create-opportunity", type: "button", class: resolved.suggestion.action === "create" ? "button primary" : "button" }, t.createOpportunity);
  const referredBy = h("input", { id: "referred-by", class: "input", type: "text", maxlength: "200", autocomplete: "off", "aria-describedby": "referred-by-hint" });
  referredBy.value = referral;
  referredBy.addEventListener("input", () => { referral = referredBy.value; });
  create.addEventListener("click", () => void act(create, async () => {
    const created = await api.create(email, referredBy.value.trim() || null);
    referral = "";
    announce(t.created);
    await reloadAfter(created.id);
  }));
  const log = h("button", { id: "log-to-deal", type: "button", class: resolved.suggestion.action === "logToDeal" ? "button primary" : "button" }, t.logToDeal);
  setDisabled(log, !deal);
  log.addEventListener("click", () => void act(log, async () => {
    if (!loaded?.deal) return;
    const result = await api.log(loaded.deal.id, email);
    announce(result.alreadyLogged ? t.alreadyLoggedStatus : t.logged);
    await reloadAfter(result.dealId);
  }));

  const dealsCard = h("section", { class: "card", "aria-labelledby": "deals-title" },
    h("h2", { id: "deals-title", class: "section-title" }, t.openDeals),
    deals.length
      ? h("div", { class: "field" }, h("label", { for: "deal-select" }, t.deal), dealSelect)
      : h("p", { class: "muted" }, t.noOpenDeals),
    h("div", { class: "field" }, h("label", { for: "referred-by" }, t.referredBy), referredBy,
      h("p", { id: "referred-by-hint", class: "muted hint" }, t.referredByHint)),
    h("div", { class: "actions" }, create, log));

  // Re-rendering replaces the controls: keep keyboard focus on the control that had it.
  const focused = document.activeElement instanceof HTMLElement && content().contains(document.activeElement) ? document.activeElement.id : "";
  replace(content(),
    h("div", { id: "alert", class: "alert", role: "alert", hidden: true }),
    senderCard, dealsCard, deal ? dealCard(deal) : null);
  if (focused) document.getElementById(focused)?.focus();
}

async function reloadAfter(dealId: string): Promise<void> {
  const mine = generation;
  if (!loaded) return;
  const resolved = await api.resolve(loaded.email);
  const deal = await api.deal(dealId);
  if (mine !== generation || !loaded) return;
  loaded.resolved = resolved;
  loaded.deal = deal;
  render();
}

function setDisabled(button: HTMLButtonElement, disabled: boolean): void {
  button.disabled = disabled;
  button.dataset["disabled"] = String(disabled);
}

function dealContext(deal: DealView): DealContext {
  return {
    locale, api, deal, act, announce,
    saved(saved, message) {
      if (!loaded) return;
      loaded.deal = saved;
      openPanel = null;
      render();
      announce(message);
    },
    close() {
      openPanel = null;
      render();
    },
    async refresh(message) {
      const mine = generation;
      const fresh = await api.deal(deal.id);
      if (mine !== generation || !loaded) return;
      loaded.deal = fresh;
      render();
      announce(message);
    },
  };
}

function togglePanel(panel: PanelName): void {
  openPanel = openPanel === panel ? null : panel;
  render();
  document.getElementById(`show-${panel}`)?.focus();
}

function dealCard(deal: DealView): HTMLElement {
  const { t } = locale;
  const steps = h("ol", { class: "phases", "aria-label": t.stageProgress, "data-testid": "phases" });
  for (const step of deal.phaseProgress) {
    const stateWord = step.state === "done" ? t.done : step.state === "current" ? t.current : t.todo;
    append(steps, h("li", { class: `phase ${step.state}`, "aria-current": step.state === "current" ? "step" : undefined, "data-phase": step.phase },
      h("span", { class: "dot", "aria-hidden": "true" }),
      h("span", { class: "phase-name" }, t.phases[step.phase] ?? step.phase),
      h("span", { class: "visually-hidden" }, ` (${stateWord})`)));
  }

  const advance = h("button", { id: "advance-stage", type: "button", class: "button primary" }, t.advanceStage);
  setDisabled(advance, !deal.nextStage);
  advance.addEventListener("click", () => void act(advance, async () => {
    if (!loaded?.deal?.nextStage) return;
    const moved = await api.move(loaded.deal.id, loaded.deal.nextStage, loaded.deal.version);
    loaded.deal = moved;
    render();
    announce(`${t.advanced} ${moved.stageName}`);
  }));

  const context = dealContext(deal);
  const amount = deal.amount === null ? t.notSet : `${formatNumber(deal.amount)} ${deal.currency}`;
  const nextStep = deal.nextStep ? `${deal.nextStep}${deal.nextStepDue ? ` (${formatDate(deal.nextStepDue, locale)})` : ""}` : t.notSet;
  return h("section", { class: "card", "aria-labelledby": "deal-title", "data-testid": "deal" },
    h("h2", { id: "deal-title", class: "section-title" }, deal.name),
    steps,
    h("dl", { class: "facts" },
      h("dt", {}, t.stage), h("dd", { "data-testid": "stage-name" }, deal.stageName),
      h("dt", {}, t.probability), h("dd", { "data-testid": "probability" }, `${deal.probability}%`),
      h("dt", {}, t.amount), h("dd", { "data-testid": "amount" }, amount),
      h("dt", {}, t.closeDateFact), h("dd", { "data-testid": "close-date" }, deal.closeDate ? formatDate(deal.closeDate, locale) : t.notSet),
      h("dt", {}, t.nextStepFact), h("dd", { "data-testid": "next-step" }, nextStep),
      h("dt", {}, t.contact), h("dd", { "data-testid": "primary-contact" }, deal.primaryContact?.email ?? t.notSet)),
    h("div", { class: "actions" }, advance),
    deal.nextStage ? null : h("p", { class: "muted", "data-testid": "closed-note" }, t.lastStage),
    ...dealActions(context, openPanel, togglePanel),
    bantForm(context));
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale.tag === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(value);
}

function start(): void {
  locale = localeFor(Office.context.displayLanguage);
  document.documentElement.lang = locale.tag === "zh" ? "zh-CN" : "en";
  api = new Api(locale.acceptLanguage, () => token);
  const title = document.getElementById("app-name");
  if (title) title.textContent = locale.t.appName;
  try {
    Office.context.mailbox?.addHandlerAsync?.(Office.EventType.ItemChanged, () => void load());
  } catch {
    // a host without pinning: the pane is reopened for each item
  }
  void load();
}

void Office.onReady(() => start());
