// A stand-in for the Teams web client, served as https://teams.microsoft.com: it frames the tab and answers
// @microsoft/teams-js 2.x over window.postMessage the way Teams does. Requests from the tab are
// { id, uuidAsString, func, args, apiVersionTag, timestamp, ... }; an answer is { id, uuidAsString, args } sent back to the
// tab's origin; a host-initiated event is { func, args } (e.g. themeChange). The page's query names the tab's URL, the
// user's locale and theme; Teams SSO tokens come from this host's /token, which the test decides.
(() => {
  const query = new URLSearchParams(location.search);
  const tabUrl = query.get("tab");
  const tabOrigin = new URL(tabUrl).origin;
  const locale = query.get("locale") ?? "en-us";
  const host = (window.teamsHost = {
    /** Every func the tab sent, in order. */
    requests: [],
    theme: query.get("theme") ?? "default",
    /** What the tab's menu would do in Teams: tell the tab the user picked another theme. */
    setTheme(theme) {
      host.theme = theme;
      frame.contentWindow.postMessage({ func: "themeChange", args: [theme] }, tabOrigin);
    },
  });

  // What Teams answers to initialize: frame context, client type, the runtime (JSON text) and the SDK version it speaks.
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      app: {}, appEntity: {}, appInstallDialog: {}, call: {}, chat: {}, conversations: {}, dialog: { card: {}, url: {}, update: {} },
      menus: {}, pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
      profile: {}, sharing: {}, stageView: {}, teams: { fullTrust: {} }, teamsCore: {},
    },
  };

  // The legacy context shape teams-js turns into app.Context (locale → app.locale, theme → app.theme, tid, userObjectId...).
  const context = () => ({
    locale,
    theme: host.theme,
    entityId: "dashboard",
    frameContext: "content",
    hostClientType: "web",
    hostName: "Teams",
    tid: query.get("tid") ?? "",
    userObjectId: query.get("oid") ?? "",
    userPrincipalName: "megan@buyer-tenant.example",
    loginHint: "megan@buyer-tenant.example",
    appSessionId: crypto.randomUUID(),
    sessionId: crypto.randomUUID(),
    isFullScreen: false,
    isMultiWindow: false,
  });

  window.addEventListener("message", async event => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    const request = event.data;
    if (!request || typeof request.func !== "string" || typeof request.id !== "number") return;
    host.requests.push(request.func);
    const reply = args => frame.contentWindow.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, tabOrigin);
    switch (request.func) {
      case "initialize":
        reply(["content", "web", JSON.stringify(runtime), "2.58.0"]);
        break;
      case "getContext":
        reply([context()]);
        break;
      case "authentication.getAuthToken": {
        // Teams asks Entra for webApplicationInfo.resource on the user's behalf: here, the test's issuer signs it.
        const response = await fetch("/token", { method: "POST", body: JSON.stringify(request.args ?? []) });
        reply([response.ok, await response.text()]);
        break;
      }
      default:
        // registerHandler, appInitialization.* and the like are one-way: Teams does not answer them.
        break;
    }
  });

  const frame = document.createElement("iframe");
  frame.id = "tab";
  frame.title = "Collaboration";
  frame.src = tabUrl;
  document.body.append(frame);
})();
