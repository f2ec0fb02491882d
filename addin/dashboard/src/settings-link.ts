// The dashboard header links to the Settings page for admins only: the admin API answers an admin 200 and anyone else 403,
// so that answer decides (no role is guessed in the page). A failed check just shows no link.
import { send } from "./api";
import { el } from "./dom";
import { t } from "./language";

export async function linkSettingsForAdmins(header: HTMLElement): Promise<void> {
  try {
    const answer = await send("api/admin/pipeline");
    if (!answer.ok) return;
    const link = Object.assign(el("a", t("settingsTitle"), "settings-link"), { href: `settings${location.search}`, id: "settings-link" });
    header.prepend(link);
  } catch { /* not signed in yet, or offline: no link */ }
}
