// Settings › Capture › Free-mail domains: domains this tenant adds to the shipped free-mail list, and domains it takes
// off it (one a line). A refused entry is named in the problem list; nothing is saved then.
import { el } from "./dom";
import { t } from "./language";
import { button, call, field, load, showProblems, Status } from "./settings-ui";

interface FreeMail { extra: string[]; notFreeMail: string[] }

function area(lines: string[]): HTMLTextAreaElement {
  const node = el("textarea");
  node.rows = 4;
  node.value = lines.join("\n");
  return node;
}

const linesOf = (node: HTMLTextAreaElement): string[] => node.value.split(/[\r\n,]+/).map(l => l.trim()).filter(Boolean);

export async function mountFreeMail(section: HTMLElement, status: Status): Promise<void> {
  const current = await load<FreeMail>("api/admin/free-mail");
  const extra = area(current.extra), notFree = area(current.notFreeMail);
  const box = el("div", undefined, "row");
  box.append(field(t("freeMailExtra"), extra, "extra"), field(t("freeMailNot"), notFree, "notFreeMail"));
  const save = async (): Promise<void> => {
    status.show(t("saving"));
    const answer = await call<FreeMail>("PUT", "api/admin/free-mail", { extra: linesOf(extra), notFreeMail: linesOf(notFree) });
    showProblems(box, answer.problems, status);
    if (answer.ok && answer.data) {
      extra.value = answer.data.extra.join("\n");
      notFree.value = answer.data.notFreeMail.join("\n");
    }
    status.show(answer.ok ? t("saved") : t("notSaved", { reason: answer.message }), !answer.ok);
  };
  section.append(el("h3", t("freeMail")), el("p", t("freeMailHint"), "hint"), box, button("saveFreeMail", save));
}
