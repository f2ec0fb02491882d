// The add-in backend's API as the pane uses it. Errors come back as problem+json with a localized detail.

export interface Address { name: string | null; address: string }

export interface EmailFields {
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  bodyHtml: string | null;
  bodyText: string | null;
  internetMessageId: string | null;
  conversationId: string | null;
  receivedAt: string | null;
  itemId: string | null;
}

export interface Ref { id: string; name: string }
export interface ContactRef extends Ref { email: string }
export interface Term { key: string; label: string }

export interface DealSummary {
  id: string; name: string; accountName: string | null; stage: string; amount: number | null; currency: string;
  probability: number; qualificationScore: number; rating: string; version: number;
}

export interface ResolveResponse {
  sender: {
    address: string; name: string | null; contact: ContactRef | null; account: Ref | null;
    isFreeMail: boolean; isNewContact: boolean; isNewAccount: boolean;
  };
  openDeals: DealSummary[];
  alreadyLogged: { dealId: string; dealName: string; interactionId: string } | null;
  conversationDeal: DealSummary | null;
  suggestion: { action: "create" | "logToDeal" | "alreadyLogged"; dealId: string | null; dealName: string | null };
}

export interface Bant {
  budgetAmount: number | null; budgetCurrency: string | null; budgetStatus: string; decisionMakerName: string | null;
  need: string; timeframe: string; targetDate: string | null;
}

export interface DealView {
  id: string; name: string; stage: string; stageName: string; phase: string;
  phaseProgress: { phase: string; state: "done" | "current" | "todo" }[];
  probability: number; amount: number | null; currency: string; account: Ref | null; bant: Bant;
  score: { total: number; rating: string; gaps: Term[] };
  nextStage: string | null; missingToAdvance: Term[]; version: number;
}

export interface LogResponse { interactionId: string; dealId: string; alreadyLogged: boolean }

export interface PaneConfig { devMode: boolean; clientId: string | null; authority: string | null; scopes: string[] }

export interface QualificationRequest {
  expectedVersion: number; budgetAmount: number | null; budgetCurrency: string | null; budgetStatus: string | null;
  decisionMakerName: string | null; need: string | null; timeframe: string | null; targetDate: string | null;
}

/** A refusal from the backend: status and the problem+json detail (already in the pane's language). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly code: string | null) {
    super(detail);
  }
}

export class Api {
  constructor(private readonly acceptLanguage: string, private readonly token: () => string | null) {}

  config(): Promise<PaneConfig> { return this.send("GET", "/api/config"); }
  resolve(email: EmailFields): Promise<ResolveResponse> { return this.send("POST", "/api/emails/resolve", email); }
  create(email: EmailFields, referredBy: string | null = null): Promise<DealView> {
    const body = referredBy ? { ...email, referredBy, source: "referral" } : email;
    return this.send("POST", "/api/opportunities/from-email", body);
  }
  log(dealId: string, email: EmailFields): Promise<LogResponse> { return this.send("POST", `/api/opportunities/${encodeURIComponent(dealId)}/emails`, email); }
  deal(dealId: string): Promise<DealView> { return this.send("GET", `/api/opportunities/${encodeURIComponent(dealId)}`); }
  move(dealId: string, stage: string, expectedVersion: number): Promise<DealView> {
    return this.send("POST", `/api/opportunities/${encodeURIComponent(dealId)}/stage`, { stage, expectedVersion });
  }
  qualify(dealId: string, request: QualificationRequest): Promise<DealView> {
    return this.send("PUT", `/api/opportunities/${encodeURIComponent(dealId)}/qualification`, request);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": this.acceptLanguage };
    const token = this.token();
    if (token) headers["Authorization"] = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: "omit" });
    } catch (e) {
      throw new ApiError(0, e instanceof Error ? e.message : String(e), null);
    }
    const text = await response.text();
    const json: unknown = text ? safeParse(text) : null;
    if (!response.ok) {
      const problem = (json ?? {}) as { detail?: unknown; title?: unknown; code?: unknown; errors?: Record<string, unknown> };
      const validation = problem.errors ? Object.values(problem.errors).flat().filter((v): v is string => typeof v === "string").join(" ") : "";
      const detail = [problem.detail, validation, problem.title].find((v): v is string => typeof v === "string" && v.length > 0)
        ?? `${response.status} ${response.statusText}`;
      throw new ApiError(response.status, detail, typeof problem.code === "string" ? problem.code : null);
    }
    return json as T;
  }
}

function safeParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return null; }
}
