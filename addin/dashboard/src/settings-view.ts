// The Settings sections (people, quotas, pipeline, nurture, capture, audit log, products), mounted wherever they are shown: the
// /settings page (and its Teams tab) and the dashboard's Settings view for admins. Every call is to /api/admin.
import { el } from "./dom";
import { language, t } from "./language";
import { mountAudit } from "./settings-audit";
import { mountCapture } from "./settings-capture";
import { mountNurture } from "./settings-nurture";
import { mountPeople, type Person } from "./settings-people";
import { mountPipeline, type PipelineSettings } from "./settings-pipeline";
import { mountProducts } from "./settings-products";
import { quoteText } from "./quote-texts";
import { mountQuotas } from "./settings-quotas";
import { load } from "./settings-ui";
import type { TextKey } from "./texts";

const SECTIONS = ["people", "quotas", "pipeline", "nurture", "capture", "audit"] as const satisfies readonly TextKey[];

/** Fills `host` with the sections and `nav` with links to them. Throws AdminOnly when the API refuses the caller. */
export async function mountSettings(host: HTMLElement, nav: HTMLElement): Promise<void> {
  const sections = new Map(SECTIONS.map(key => {
    const section = el("section", undefined, "panel");
    section.id = `section-${key}`;
    section.append(el("h2", t(key)));
    nav.append(Object.assign(el("a", t(key)), { href: `#section-${key}` }));
    return [key, section] as const;
  }));
  const products = el("section", undefined, "panel");
  products.id = "section-products";
  products.append(el("h2", quoteText("panequote.products")));
  nav.append(Object.assign(el("a", quoteText("panequote.products")), { href: "#section-products" }));
  const pipeline = await load<PipelineSettings>("api/admin/pipeline");
  host.append(...sections.values(), products);
  const names = new Map(pipeline.stages.map(s => [s.key, language() === "zh" ? s.name.zh : s.name.en]));
  let people: Person[] = [];
  const quotas = await mountQuotas(sections.get("quotas")!);
  await mountPeople(sections.get("people")!, list => { people = list; quotas.people(list); });
  await Promise.all([
    mountPipeline(sections.get("pipeline")!),
    mountNurture(sections.get("nurture")!, key => names.get(key) ?? key),
    mountCapture(sections.get("capture")!, () => people),
    mountAudit(sections.get("audit")!, () => people),
    mountProducts(products),
  ]);
}
