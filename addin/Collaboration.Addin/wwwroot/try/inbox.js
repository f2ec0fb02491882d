// The sample inbox of /try (development only): choosing an email hands it to the real task pane in the frame through
// the Office.js stand-in (office-stub.js), which fires ItemChanged as a pinned pane in Outlook sees it. Everything from
// an email is shown with textContent only.
const texts = {
  en: {
    title: "Sample inbox",
    hint: "Choose an email: the task pane on the right reads it, as in Outlook.",
    language: "Outlook display language",
    inbox: "Inbox",
    empty: "No email selected.",
    to: "To",
    loadFailed: "The sample inbox could not be loaded.",
    kinds: {
      knownCustomer: "Known customer, open deal",
      loggedThread: "Reply in a logged thread",
      newCompany: "New company",
      freeMail: "Free-mail sender",
      hostile: "Hostile HTML (stays inert)",
      bant: "Full of BANT hints",
    },
  },
  zh: {
    title: "示例收件箱",
    hint: "选择一封邮件：右侧的任务窗格会像在 Outlook 中一样读取它。",
    language: "Outlook 显示语言",
    inbox: "收件箱",
    empty: "未选择邮件。",
    to: "收件人",
    loadFailed: "无法加载示例收件箱。",
    kinds: {
      knownCustomer: "已知客户，有进行中的商机",
      loggedThread: "已记录会话中的回复",
      newCompany: "新公司",
      freeMail: "免费邮箱发件人",
      hostile: "恶意 HTML（不会执行）",
      bant: "包含大量 BANT 线索",
    },
  },
};

const languageKey = "collaboration-try-language";
const config = { displayLanguage: localStorage.getItem(languageKey) === "zh-CN" ? "zh-CN" : "en-US", item: null };
// The stand-in in the frame reads this when the pane starts.
window.__officeConfig = config;

const list = document.getElementById("messages");
const reading = document.getElementById("reading");
const pane = document.getElementById("pane");
const language = document.getElementById("language");
let emails = [];
let selectedId = null;

function t() {
  return config.displayLanguage === "zh-CN" ? texts.zh : texts.en;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Text of an email body without running or loading anything: a parsed document has no browsing context.
function bodyText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script, style, iframe, form").forEach(e => e.remove());
  // HTML's own line breaks are spaces; paragraphs and <br> make the lines.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = node.nodeValue.replace(/\s+/g, " ");
  doc.querySelectorAll("br").forEach(e => e.replaceWith("\n"));
  doc.querySelectorAll("p, div, li").forEach(e => e.append("\n\n"));
  return (doc.body.textContent || "").replace(/[ \t]*\n[ \t]*/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

function address(a) {
  return `${a.displayName} <${a.emailAddress}>`;
}

function renderTexts() {
  const x = t();
  document.documentElement.lang = config.displayLanguage === "zh-CN" ? "zh-CN" : "en";
  document.getElementById("title").textContent = x.title;
  document.getElementById("hint").textContent = x.hint;
  document.getElementById("language-label").textContent = x.language;
  document.getElementById("inbox-title").textContent = x.inbox;
  language.value = config.displayLanguage;
}

function renderList() {
  list.replaceChildren(...emails.map(email => {
    const item = el("li");
    item.setAttribute("role", "option");
    item.tabIndex = 0;
    item.dataset.id = email.id;
    item.dataset.testid = "email-" + email.id;
    item.setAttribute("aria-selected", String(email.id === selectedId));
    item.append(el("span", "sender", email.from.displayName), el("span", "subject", email.subject), el("span", "tag", t().kinds[email.kind] || email.kind));
    item.addEventListener("click", () => choose(email.id));
    item.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(email.id); } });
    return item;
  }));
}

function renderReading() {
  const email = emails.find(e => e.id === selectedId);
  if (!email) {
    reading.replaceChildren(el("p", "muted", t().empty));
    return;
  }
  const when = new Date(email.dateTimeCreated).toLocaleString(config.displayLanguage);
  reading.replaceChildren(
    el("h2", null, email.subject),
    el("p", "meta", `${address(email.from)} · ${t().to}: ${email.to.map(address).join(", ")} · ${when}`),
    el("div", "body", bodyText(email.bodyHtml)));
}

function choose(id) {
  selectedId = id;
  config.item = emails.find(e => e.id === id) || null;
  renderList();
  renderReading();
  const office = pane.contentWindow && pane.contentWindow.__office;
  if (office) office.select(config.item); // ItemChanged in the pane; before it loaded, it reads config.item itself
}

function loadPane() {
  pane.src = "/try/pane?lang=" + encodeURIComponent(config.displayLanguage);
}

language.addEventListener("change", () => {
  config.displayLanguage = language.value === "zh-CN" ? "zh-CN" : "en-US";
  localStorage.setItem(languageKey, config.displayLanguage);
  renderTexts();
  renderList();
  renderReading();
  loadPane(); // Outlook reads the display language when the add-in starts
});

async function start() {
  renderTexts();
  loadPane();
  try {
    const response = await fetch("/try/inbox.json", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    emails = await response.json();
  } catch {
    reading.replaceChildren(el("p", "muted", t().loadFailed));
    return;
  }
  renderList();
  renderReading();
}

void start();
