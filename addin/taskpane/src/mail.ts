// Reads the open message from Office.js into the JSON the backend takes.
import type { Address, EmailFields } from "./api";

/** The backend keeps at most 200,000 characters of sanitized text and refuses requests over 6 MB. */
export const MaxBodyChars = 1_000_000;

export function currentItem(): Office.MessageRead | null {
  // Null when nothing is selected (a pinned pane outlives its item) or the host has no mailbox.
  return (Office.context.mailbox?.item as Office.MessageRead | null | undefined) ?? null;
}

function address(detail: Office.EmailAddressDetails | null | undefined): Address | null {
  if (!detail?.emailAddress) return null;
  return { name: detail.displayName || null, address: detail.emailAddress };
}

function addresses(list: Office.EmailAddressDetails[] | null | undefined): Address[] {
  return (list ?? []).map(address).filter((a): a is Address => a !== null);
}

function body(item: Office.MessageRead): Promise<string | null> {
  return new Promise(resolve => {
    try {
      item.body.getAsync(Office.CoercionType.Html, result =>
        resolve(result.status === Office.AsyncResultStatus.Succeeded && typeof result.value === "string" ? result.value : null));
    } catch {
      resolve(null);
    }
  });
}

export async function readEmail(item: Office.MessageRead): Promise<EmailFields | null> {
  const from = address(item.from) ?? address(item.sender);
  if (!from) return null;
  const html = await body(item);
  const created = item.dateTimeCreated instanceof Date ? item.dateTimeCreated : item.dateTimeCreated ? new Date(item.dateTimeCreated) : null;
  return {
    from,
    to: addresses(item.to),
    cc: addresses(item.cc),
    subject: item.subject ?? "",
    bodyHtml: html === null ? null : html.slice(0, MaxBodyChars),
    bodyText: null,
    internetMessageId: item.internetMessageId || null,
    conversationId: item.conversationId || null,
    receivedAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
    itemId: item.itemId || null,
  };
}
