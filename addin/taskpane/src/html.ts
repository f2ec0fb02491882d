// HTML written into a message body: every value is escaped, so a deal name like <b>x</b> arrives as that text.
const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => entities[c] ?? c);
}
