// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in browser tests. The test prepends
// `window.__officeConfig = {displayLanguage, item}`; `window.__office.select(item)` switches items like a pinned
// pane sees it (ItemChanged). Items: {from:{displayName,emailAddress}, to, cc, subject, internetMessageId,
// conversationId, dateTimeCreated, itemId, bodyHtml, bodyPadding} (bodyPadding: that many characters added).
(function () {
  "use strict";
  const config = window.__officeConfig || {};
  const handlers = [];
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));

  function toItem(spec) {
    if (!spec) return null;
    let html = spec.bodyHtml || "";
    if (spec.bodyPadding) html += "lorem ipsum ".repeat(Math.ceil(spec.bodyPadding / 12)).slice(0, spec.bodyPadding);
    return {
      itemType: "message",
      itemId: spec.itemId || null,
      from: spec.from,
      sender: spec.from,
      to: spec.to || [],
      cc: spec.cc || [],
      subject: spec.subject || "",
      internetMessageId: spec.internetMessageId || null,
      conversationId: spec.conversationId || null,
      dateTimeCreated: new Date(spec.dateTimeCreated || "2026-11-20T08:30:00Z"),
      body: {
        getAsync(coercion, options, callback) {
          const cb = typeof options === "function" ? options : callback;
          setTimeout(() => cb({ status: "succeeded", value: coercion === "html" ? html : html.replace(/<[^>]*>/g, "") }), 0);
        },
      },
    };
  }

  const mailbox = {
    item: toItem(config.item),
    addHandlerAsync(type, handler, options, callback) {
      handlers.push({ type, handler });
      const cb = typeof options === "function" ? options : callback;
      if (cb) cb({ status: "succeeded" });
    },
  };

  window.Office = {
    context: {
      displayLanguage: config.displayLanguage || "en-US",
      mailbox,
      requirements: { isSetSupported: () => false },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    onReady(callback) {
      const info = { host: "Outlook", platform: "OfficeOnline" };
      return new Promise(resolve => setTimeout(() => { if (callback) callback(info); resolve(info); }, 0));
    },
  };

  window.__office = {
    select(spec) {
      mailbox.item = toItem(spec);
      for (const h of handlers) if (h.type === "olkItemSelectedChanged") h.handler({ type: "olkItemSelectedChanged" });
    },
  };
})();
