// Form controls for the deal's panels: a labelled field with its own error line, and refusals that name a field
// shown next to it, so nothing typed is lost.
import { ApiError, type Api, type DealView } from "./api";
import { h } from "./dom";
import type { Locale } from "./i18n";

/** What a panel needs from the pane: the deal on screen and how to act on it. */
export interface DealContext {
  readonly locale: Locale;
  readonly api: Api;
  readonly deal: DealView;
  /** Runs an action with the pane's buttons disabled; a refusal is shown, a conflict refreshes the deal. */
  act(button: HTMLButtonElement, work: () => Promise<void>): Promise<void>;
  /** The saved deal replaces the one shown, the open panel closes and the message is announced. */
  saved(deal: DealView, message: string): void;
  announce(message: string): void;
  /** Closes the open panel. */
  close(): void;
  /** Reads the deal again and redraws it with the open panel kept open (the quote and contract panels), then announces. */
  refresh(message: string): Promise<void>;
}

export function input(id: string, type: string, value: string | null, attributes: Record<string, string> = {}): HTMLInputElement {
  const element = h("input", { id, class: "input", type, autocomplete: "off", ...attributes });
  element.value = value ?? "";
  return element;
}

export function select(id: string, options: Record<string, string>, value: string): HTMLSelectElement {
  const element = h("select", { id, class: "input" });
  for (const [key, label] of Object.entries(options)) {
    const option = h("option", { value: key }, label);
    option.selected = key === value;
    element.appendChild(option);
  }
  return element;
}

export function field(id: string, label: string, control: HTMLElement, gap = false): HTMLElement {
  // The gap mark is decoration (the "Missing" line says it in words): kept out of the control's accessible name.
  return h("div", { class: gap ? "field gap" : "field" },
    h("label", { for: id }, label, gap ? h("span", { class: "gap-mark", "aria-hidden": "true" }, " •") : null), control,
    h("p", { id: `${id}-error`, class: "field-error", "data-testid": `${id}-error`, hidden: true }));
}

export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>(".field-error").forEach(error => {
    error.hidden = true;
    error.textContent = "";
  });
  form.querySelectorAll<HTMLElement>("[aria-invalid]").forEach(control => {
    control.removeAttribute("aria-invalid");
    control.removeAttribute("aria-describedby");
  });
}

/**
 * Runs a form's request. A refusal about one of its fields (the API's "field", or a rule's code) is written under that
 * field and announced; the form stays as typed. Anything else goes to the pane's own handling (conflict, alert).
 */
export async function withFieldErrors(form: HTMLElement, controls: Record<string, string>, announce: (m: string) => void,
  work: () => Promise<void>): Promise<void> {
  clearFieldErrors(form);
  try {
    await work();
  } catch (e) {
    const id = e instanceof ApiError && (e.status === 422 || e.status === 400)
      ? controls[e.field ?? ""] ?? controls[e.code ?? ""] : undefined;
    const control = id ? form.querySelector<HTMLElement>(`#${id}`) : null;
    const error = id ? form.querySelector<HTMLElement>(`#${id}-error`) : null;
    if (!(e instanceof ApiError) || !control || !error) throw e;
    error.textContent = e.detail;
    error.hidden = false;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", error.id);
    control.focus();
    announce(e.detail);
  }
}

export function formatDate(iso: string, locale: Locale, withTime = false): string {
  const date = new Date(withTime ? iso : `${iso}T00:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.tag === "zh" ? "zh-CN" : "en-US",
    withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(date);
}

export function buttons(...children: HTMLElement[]): HTMLElement {
  return h("div", { class: "actions" }, ...children);
}
