// Reads the item of the compose and appointment modes. In compose (and an organizer's appointment) every field is an
// object with getAsync; in read mode (an attendee's appointment) the same fields are plain values.
import type { Address } from "./api";

export type Mode = "read" | "compose" | "appointment";

/** Bounds on what is sent: the backend refuses meetings of more than 500 people. */
export const MaxPeople = 500;

type Maybe<T> = T | { getAsync(callback: (result: Office.AsyncResult<T>) => void): void } | null | undefined;

export function modeOf(item: Office.Item): Mode {
  const any = item as unknown as { itemType?: unknown; subject?: unknown };
  if (any.itemType === Office.MailboxEnums.ItemType.Appointment) return "appointment";
  return typeof any.subject === "string" ? "read" : "compose";
}

function value<T>(field: Maybe<T>): Promise<T | null> {
  if (field === null || field === undefined) return Promise.resolve(null);
  if (typeof field === "object" && "getAsync" in field && typeof field.getAsync === "function") {
    return new Promise(resolve => {
      try {
        field.getAsync(result => resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : null));
      } catch {
        resolve(null);
      }
    });
  }
  return Promise.resolve(field as T);
}

function address(detail: Office.EmailAddressDetails | null | undefined): Address | null {
  return detail?.emailAddress ? { name: detail.displayName || null, address: detail.emailAddress } : null;
}

async function people(...fields: Maybe<Office.EmailAddressDetails[]>[]): Promise<Address[]> {
  const lists = await Promise.all(fields.map(f => value(f)));
  return lists.flatMap(list => (list ?? []).map(address).filter((a): a is Address => a !== null)).slice(0, MaxPeople);
}

export interface Draft { subject: string; recipients: Address[] }

export async function readDraft(item: Office.MessageCompose): Promise<Draft> {
  const [subject, recipients] = await Promise.all([value<string>(item.subject), people(item.to, item.cc)]);
  return { subject: subject ?? "", recipients };
}

export interface MeetingFields {
  subject: string; start: string | null; end: string | null; location: string | null;
  organizer: Address | null; attendees: Address[];
}

export async function readMeeting(item: Office.AppointmentRead | Office.AppointmentCompose): Promise<MeetingFields> {
  const a = item as unknown as {
    subject: Maybe<string>; start: Maybe<Date>; end: Maybe<Date>; location: Maybe<string>;
    organizer: Maybe<Office.EmailAddressDetails>; requiredAttendees: Maybe<Office.EmailAddressDetails[]>;
    optionalAttendees: Maybe<Office.EmailAddressDetails[]>;
  };
  const [subject, start, end, location, organizer, attendees] = await Promise.all([
    value(a.subject), value(a.start), value(a.end), value(a.location), value(a.organizer), people(a.requiredAttendees, a.optionalAttendees)]);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  // An organizer's own copy has no organizer field to read: the organizer is the signed-in mailbox.
  const me = Office.context.mailbox?.userProfile;
  const host = address(organizer) ?? (me?.emailAddress ? { name: me.displayName || null, address: me.emailAddress } : null);
  return { subject: subject ?? "", start: iso(start), end: iso(end), location: location || null, organizer: host, attendees };
}

/** Inserts HTML at the cursor of the message being written. */
export function insertHtml(item: Office.MessageCompose, html: string): Promise<void> {
  return new Promise((resolve, reject) => item.body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, result =>
    result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "setSelectedDataAsync failed"))));
}

/** Stamps an internet header on the draft (Mailbox 1.8); false where the host cannot. */
export function stampHeader(item: Office.MessageCompose, name: string, headerValue: string): Promise<boolean> {
  const headers = (item as unknown as { internetHeaders?: Office.InternetHeaders }).internetHeaders;
  if (!headers?.setAsync) return Promise.resolve(false);
  return new Promise(resolve => headers.setAsync({ [name]: headerValue }, result => resolve(result.status === Office.AsyncResultStatus.Succeeded)));
}
