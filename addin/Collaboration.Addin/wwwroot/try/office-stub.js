// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js where there is no Outlook: the sample inbox
// at /try (development only) and the browser tests and benchmark. It implements exactly what the task pane uses: the
// item's fields, body.getAsync, ItemChanged, the display language and roamingSettings.
// Configuration: `window.__officeConfig = {displayLanguage, item}`, set by the test before this script, or by the page
// that frames the pane (the sample inbox). `window.__office.select(item)` switches items like a pinned pane sees it
// (ItemChanged). Items: {from:{displayName,emailAddress}, to, cc, subject, internetMessageId, conversationId,
// dateTimeCreated, itemId, bodyHtml, bodyPadding} (bodyPadding: that many characters added).
// Compose and appointment modes: {kind: "compose", to, cc, subject, noInternetHeaders}, {kind: "appointment", subject,
// start, end, location, organizer, requiredAttendees, optionalAttendees} (an attendee's copy: plain values) and
// {kind: "appointmentOrganizer", ...} (the organizer's copy: every field behind getAsync). What the pane writes is kept
// in window.__office.inserted (body.setSelectedDataAsync) and window.__office.headers (internetHeaders.setAsync); reply
// forms a message opens (displayReplyForm) in window.__office.replies.
// `accessToken` in the configuration is what Office.auth.getAccessToken (SSO) returns; without it SSO fails.
(function () {
  "use strict";
  function parentConfig() {
    try {
      return window.parent !== window ? window.parent.__officeConfig : undefined;
    } catch {
      return undefined; // a parent from another origin
    }
  }
  const config = window.__officeConfig || parentConfig() || {};
  const handlers = [];
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));

  const written = { inserted: [], headers: {}, replies: [] };

  function later(callback, result) {
    if (callback) setTimeout(() => callback(result), 0);
  }

  function asyncField(value) {
    return {
      getAsync(options, callback) {
        later(typeof options === "function" ? options : callback, { status: "succeeded", value });
      },
    };
  }

  function composeItem(spec) {
    const item = {
      itemType: "message",
      itemId: null,
      subject: asyncField(spec.subject || ""),
      to: asyncField(spec.to || []),
      cc: asyncField(spec.cc || []),
      body: {
        getAsync(coercion, options, callback) {
          later(typeof options === "function" ? options : callback, { status: "succeeded", value: "" });
        },
        setSelectedDataAsync(data, options, callback) {
          written.inserted.push({ data, coercionType: options && options.coercionType });
          later(typeof options === "function" ? options : callback, { status: "succeeded" });
        },
      },
    };
    if (!spec.noInternetHeaders) {
      item.internetHeaders = {
        setAsync(headers, options, callback) {
          Object.assign(written.headers, headers);
          later(typeof options === "function" ? options : callback, { status: "succeeded" });
        },
      };
    }
    return item;
  }

  function appointmentItem(spec, organizerCopy) {
    const field = organizerCopy ? asyncField : value => value;
    return {
      itemType: "appointment",
      itemId: spec.itemId || null,
      subject: field(spec.subject || ""),
      start: field(new Date(spec.start)),
      end: field(new Date(spec.end)),
      location: field(spec.location || ""),
      organizer: organizerCopy ? undefined : spec.organizer,
      requiredAttendees: field(spec.requiredAttendees || []),
      optionalAttendees: field(spec.optionalAttendees || []),
    };
  }

  function toItem(spec) {
    if (!spec) return null;
    if (spec.kind === "compose") return composeItem(spec);
    if (spec.kind === "appointment" || spec.kind === "appointmentOrganizer") return appointmentItem(spec, spec.kind === "appointmentOrganizer");
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
      displayReplyForm(form) {
        const data = typeof form === "string" ? { htmlBody: form } : form;
        written.replies.push(data);
      },
      body: {
        getAsync(coercion, options, callback) {
          const cb = typeof options === "function" ? options : callback;
          setTimeout(() => cb({ status: "succeeded", value: coercion === "html" ? html : html.replace(/<[^>]*>/g, "") }), 0);
        },
      },
    };
  }

  // Office keeps an add-in's roaming settings per mailbox; here they live in the page's local storage.
  const roamingKey = "collaboration-office-stub-roaming-settings";
  function readRoaming() {
    try {
      return JSON.parse(window.localStorage.getItem(roamingKey) || "{}") || {};
    } catch {
      return {};
    }
  }
  const roaming = readRoaming();
  const roamingSettings = {
    get(name) {
      return Object.prototype.hasOwnProperty.call(roaming, name) ? roaming[name] : undefined;
    },
    set(name, value) {
      roaming[name] = value;
    },
    remove(name) {
      delete roaming[name];
    },
    saveAsync(callback) {
      try {
        window.localStorage.setItem(roamingKey, JSON.stringify(roaming));
      } catch {
        // storage unavailable (opaque origin): the settings last as long as the page
      }
      if (callback) setTimeout(() => callback({ status: "succeeded" }), 0);
    },
  };

  const mailbox = {
    item: toItem(config.item),
    userProfile: config.userProfile || { displayName: "Alex Wilber", emailAddress: "alex.wilber@collaboration.demo" },
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
      roamingSettings,
      requirements: { isSetSupported: () => false },
    },
    auth: {
      getAccessToken() {
        return config.accessToken ? Promise.resolve(config.accessToken) : Promise.reject(new Error("No single sign-on here."));
      },
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
    inserted: written.inserted,
    headers: written.headers,
    replies: written.replies,
    select(spec) {
      mailbox.item = toItem(spec);
      for (const h of handlers) if (h.type === "olkItemSelectedChanged") h.handler({ type: "olkItemSelectedChanged" });
    },
  };
})();
