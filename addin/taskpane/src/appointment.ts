// Appointment mode (organizer or attendee): the meeting's people the CRM knows, and "Log meeting to deal".
import { contactList, dealPicker, text, type ModeContext } from "./compose";
import { formatDate } from "./forms";
import { h, replace } from "./dom";
import { readMeeting } from "./item-modes";

export async function showAppointment(ctx: ModeContext, item: Office.AppointmentRead | Office.AppointmentCompose): Promise<void> {
  const { locale, api } = ctx;
  const meeting = await readMeeting(item);
  const addresses = [meeting.organizer, ...meeting.attendees].filter(a => a !== null).map(a => a.address);
  const people = await api.people(addresses);
  if (!ctx.current()) return;
  const select = dealPicker(locale, people);
  const state = h("p", { class: "note", "data-testid": "meeting-state", hidden: true });
  const log = h("button", { id: "log-meeting", type: "button", class: "button primary" }, text(locale, "log_meeting"));
  log.addEventListener("click", () => void ctx.act(log, async () => {
    if (!select.value) return;
    const dealName = select.selectedOptions[0]?.textContent ?? "";
    const logged = await api.logMeeting(select.value, meeting);
    const message = text(locale, logged.alreadyLogged ? "meeting_already_logged" : "meeting_logged", { deal: dealName });
    state.hidden = false;
    state.textContent = message;
    ctx.announce(message);
  }));
  const none = people.deals.length === 0 && people.myDeals.length === 0;
  if (none) { log.disabled = true; log.dataset["disabled"] = "true"; }
  const when = meeting.start ? formatDate(meeting.start, locale, true) : locale.t.notSet;

  replace(ctx.content,
    h("div", { id: "alert", class: "alert", role: "alert", hidden: true }),
    h("section", { class: "card", "aria-labelledby": "meeting-title" },
      h("h2", { id: "meeting-title", class: "section-title" }, text(locale, "meeting_title")),
      h("p", { class: "subject", "data-testid": "meeting-subject" }, meeting.subject),
      h("dl", { class: "facts" },
        h("dt", {}, text(locale, "when")), h("dd", { "data-testid": "meeting-when" }, when),
        h("dt", {}, text(locale, "organizer")), h("dd", { "data-testid": "meeting-organizer" }, meeting.organizer?.name ?? meeting.organizer?.address ?? locale.t.notSet)),
      h("h3", { class: "section-title" }, text(locale, "known_people")),
      contactList(locale, people, "meeting-contacts"),
      none ? h("p", { class: "muted" }, locale.t.noOpenDeals) : h("div", { class: "field" }, h("label", { for: "mode-deal" }, locale.t.deal), select),
      h("div", { class: "actions" }, log),
      state));
}
