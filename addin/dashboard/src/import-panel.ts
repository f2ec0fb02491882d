// Import contacts/leads: preview a CSV/XLSX list, adjust the column for each field, import, follow the job.
import { explain, getJson, postForm } from "./api";
import { table } from "./charts";
import { byId, el, option } from "./dom";
import { numberFormat, t, textOf } from "./language";

interface ImportPreview { columns: string[]; firstRows: string[][]; totalRows: number; mapping: Record<string, string>; fields: string[] }

interface ImportJob {
  id: string; status: string; totalRows: number; processedRows: number; created: number; existingContacts: number;
  alreadyImported: number; duplicatesInFile: number; invalid: number;
  errors: { line: number; column: string; message: string }[]; failure: string | null;
}

const IMPORT_FIELDS = ["email", "name", "firstName", "lastName", "company", "dealName", "amount", "currency", "closeDate", "country", "budget", "timeline", "notes", "phone", "title"];
const IMPORT_COUNTS = ["created", "existingContacts", "alreadyImported", "duplicatesInFile", "invalid"] as const;

const mappingBox = (): HTMLFieldSetElement => byId<HTMLFieldSetElement>("import-mapping");

function importStatus(message: string, error = false): void {
  const status = byId("import-status");
  status.className = error ? "status error" : "status";
  status.textContent = message;
}

function importForm(): FormData | null {
  const file = byId<HTMLInputElement>("import-file").files?.[0];
  if (!file) {
    importStatus(t("importNeedFile"), true);
    return null;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  const source = byId<HTMLInputElement>("import-source").value.trim();
  if (source) form.append("sourceName", source);
  return form;
}

function mappingSelect(field: string, preview: ImportPreview): HTMLLabelElement {
  const select = el("select");
  select.id = `import-map-${field}`;
  select.dataset.field = field;
  select.append(option("", t("notMapped")));
  for (const column of preview.columns) select.append(option(column, column));
  select.value = preview.mapping[field] ?? "";
  // Named by its field alone (aria-labelledby): a wrapping label would add the selected column to the name.
  const name = el("span", textOf(`field.${field}`));
  name.id = `import-map-${field}-label`;
  select.setAttribute("aria-labelledby", name.id);
  const label = el("label");
  label.append(name, select);
  return label;
}

function showPreview(preview: ImportPreview): void {
  const fields = IMPORT_FIELDS.filter(f => preview.fields.includes(f)).concat(preview.fields.filter(f => !IMPORT_FIELDS.includes(f)));
  mappingBox().querySelector("div")?.replaceChildren(...fields.map(field => mappingSelect(field, preview)));
  mappingBox().hidden = false;

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

async function previewImport(): Promise<void> {
  const form = importForm();
  if (!form) return;
  const button = byId<HTMLButtonElement>("import-preview");
  button.disabled = true;
  importStatus(t("importPreviewing"));
  try {
    showPreview(await postForm<ImportPreview>("api/imports/preview", form));
  } catch (error) {
    importStatus(explain(error, "importRefused"), true);
  } finally {
    button.disabled = false;
  }
}

/** Shows the job's progress or outcome; true once it is over. */
function showJob(job: ImportJob): boolean {
  const done = job.status === "completed" || job.status === "failed";
  if (job.status === "failed") importStatus(t("importFailed", { reason: job.failure ?? "?" }), true);
  else importStatus(t(done ? "importDone" : "importProgress", { processed: numberFormat.format(job.processedRows), total: numberFormat.format(job.totalRows) }));
  const counts = table([t("measure"), t("count")], IMPORT_COUNTS.map(key => [t(`count.${key}`), job[key] ?? 0]));
  counts.id = "import-counts";
  const parts: HTMLElement[] = [counts];
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

async function startImport(onImported: () => void): Promise<void> {
  const form = importForm();
  if (!form) return;
  if (!form.get("sourceName")) {
    importStatus(t("importNeedSource"), true);
    byId("import-source").focus();
    return;
  }
  const mapping: Record<string, string> = {};
  mappingBox().querySelectorAll("select").forEach(select => {
    if (select.value && select.dataset.field) mapping[select.dataset.field] = select.value;
  });
  form.append("mapping", JSON.stringify(mapping));
  const buttons = [byId<HTMLButtonElement>("import-start"), byId<HTMLButtonElement>("import-preview")];
  buttons.forEach(b => { b.disabled = true; });
  importStatus(t("importStarting"));
  try {
    let job = await postForm<ImportJob>("api/imports", form);
    while (!showJob(job)) {
      await new Promise(resolve => setTimeout(resolve, 500));
      job = await getJson<ImportJob>(`api/imports/${encodeURIComponent(job.id)}`);
    }
    if (job.status === "completed") onImported();
  } catch (error) {
    importStatus(explain(error, "importRefused"), true);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

/** Wires the panel; `onImported` runs after a completed import (the reports may have changed). */
export function wireImport(onImported: () => void): void {
  byId("import-form").addEventListener("submit", event => {
    event.preventDefault();
    void previewImport();
  });
  byId("import-file").addEventListener("change", () => {
    byId("import-start").hidden = true;
    mappingBox().hidden = true;
    byId("import-rows").replaceChildren();
    byId("import-result").replaceChildren();
  });
  byId("import-start").addEventListener("click", () => void startImport(onImported));
}
