// The Settings page's building blocks: admin API calls that keep a 422's problems by field, labelled controls, and
// problems placed next to the control of their field (or listed under the section when no control has that field).
import { send } from "./api";
import { el } from "./dom";
import { t } from "./language";
import type { TextKey } from "./texts";

export type Problems = Record<string, string[]>;

export interface Answer<T> { ok: boolean; status: number; data: T | null; problems: Problems; message: string }

/** The API refused the caller as not an admin (403): the page shows the admins-only message instead. */
export class AdminOnly extends Error {}

export async function call<T>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<Answer<T>> {
  const init = body === undefined ? { method }
    : { method, body: typeof body === "string" ? body : JSON.stringify(body), headers: { "Content-Type": contentType } };
  const response = await send(path, init);
  if (response.status === 403) throw new AdminOnly();
  if (response.ok) {
    const text = await response.text();
    const data = text && (response.headers.get("Content-Type") ?? "").includes("json") ? (JSON.parse(text) as T) : (text as T);
    return { ok: true, status: response.status, data, problems: {}, message: "" };
  }
  let problems: Problems = {};
  let message = String(response.status);
  try {
    const body = (await response.json()) as { errors?: Problems; detail?: string; title?: string };
    problems = body.errors ?? {};
    message = body.detail ?? body.title ?? message;
  } catch { /* not a problem document */ }
  return { ok: false, status: response.status, data: null, problems, message };
}

export async function load<T>(path: string): Promise<T> {
  const answer = await call<T>("GET", path);
  if (!answer.ok || answer.data === null) throw new Error(answer.message);
  return answer.data;
}

let fields = 0;

/**
 * A control with its visible label (a label element pointing at it, so the accessible name stays the label even with a
 * problem shown beside it); `name` is the API field the control edits (where its problems show).
 */
export function field(text: string, control: HTMLElement, name?: string): HTMLDivElement {
  const box = el("div", undefined, "field");
  control.id ||= `field-${++fields}`;
  const label = el("label", text);
  label.htmlFor = control.id;
  box.append(label, control);
  if (name) control.dataset.field = name;
  return box;
}

export function input(value: string | number | null | undefined, type = "text", size?: number): HTMLInputElement {
  const node = el("input");
  node.type = type;
  node.value = value === null || value === undefined ? "" : String(value);
  if (size) node.maxLength = size;
  return node;
}

export function checkbox(checked: boolean): HTMLInputElement {
  const node = input("", "checkbox");
  node.checked = checked;
  return node;
}

export function select(options: readonly (readonly [string, string])[], value: string | null | undefined): HTMLSelectElement {
  const node = el("select");
  for (const [key, label] of options) node.append(Object.assign(el("option", label), { value: key }));
  node.value = value ?? "";
  return node;
}

export function button(key: TextKey, onClick: () => unknown, className = "action"): HTMLButtonElement {
  const node = el("button", t(key), className);
  node.type = "button";
  node.addEventListener("click", () => void onClick());
  return node;
}

export function heading(key: TextKey): HTMLHeadingElement {
  return el("h3", t(key));
}

/** A section's status line and problem list. */
export class Status {
  readonly line = el("p", "", "status");
  readonly list = el("ul", undefined, "problems");

  constructor() {
    this.line.setAttribute("role", "status");
  }

  show(text: string, error = false): void {
    this.line.className = error ? "status error" : "status";
    this.line.textContent = text;
  }

  nodes(): HTMLElement[] {
    return [this.line, this.list];
  }
}

/** Each problem beside the control of its field, or of the nearest enclosing field; any left over goes to the status list. */
export function showProblems(root: HTMLElement, problems: Problems, status: Status): void {
  root.querySelectorAll(".problem").forEach(node => node.remove());
  root.querySelectorAll("[aria-invalid]").forEach(node => node.removeAttribute("aria-invalid"));
  status.list.replaceChildren();
  for (const [key, messages] of Object.entries(problems)) {
    const note = el("span", messages.join(" "), "problem");
    note.dataset.problemFor = key;
    const target = controlOf(root, key);
    if (target) {
      target.setAttribute("aria-invalid", "true");
      target.after(note);
    } else {
      const item = el("li");
      item.append(note);
      status.list.append(item);
    }
  }
}

function controlOf(root: HTMLElement, key: string): HTMLElement | null {
  for (let name = key; name.length > 0;) {
    const found = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (found) return found;
    const cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
    if (cut <= 0) return null;
    name = name.slice(0, cut);
  }
  return null;
}

export const numberOf = (node: HTMLInputElement): number => (node.value.trim() === "" ? NaN : Number(node.value));
