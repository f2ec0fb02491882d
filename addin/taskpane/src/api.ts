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
  probability: number; amount: number | null; currency: string; closeDate: string | null; ownerId: string;
  account: Ref | null; primaryContact: ContactRef | null; bant: Bant;
  score: { total: number; rating: string; gaps: Term[] };
  nextStage: string | null; missingToAdvance: Term[]; nextStep: string | null; nextStepDue: string | null; version: number;
}

/** A PATCH of the deal's details: only the fields present change; probability "auto" follows the stage again. */
export interface DealUpdate {
  expectedVersion: number; name?: string; amount?: number; currency?: string; closeDate?: string; probability?: number | "auto";
  nextStep?: string; nextStepDue?: string; primaryContactEmail?: string; ownerObjectId?: string;
}

export interface StageMove { stage: string; expectedVersion: number; reason?: string; lossReason?: string; competitor?: string }

export interface PipelineStage { stage: string; name: string; probability: number; open: boolean }
export interface Pipeline { stages: PipelineStage[]; lossReasons: string[]; defaultCurrency: string }

export interface TimelineEntry {
  at: string; kind: "interaction" | "change" | "stage" | "review"; who: string; surface: string | null; summary: string;
  field: string | null; oldValue: string | null; newValue: string | null; reason: string | null;
}

export interface FollowUpStep { number: number; day: number; dueOn: string; action: string; kind: string; done: boolean }
export interface FollowUpPlan { plan: string; startedOn: string; running: boolean; stepsDone: number; stopReason: string | null; steps: FollowUpStep[] }
export interface OwnerChoice { objectId: string; name: string }
export interface FollowUpPlanOption { name: string; steps: { day: number; action: string; kind: string }[] }

export interface LogResponse { interactionId: string; dealId: string; alreadyLogged: boolean }

export interface MatchedContact { id: string; name: string; email: string }
export interface PeopleResponse { contacts: MatchedContact[]; deals: DealSummary[]; myDeals: DealSummary[] }
export interface LogOnSendResponse { dealId: string; dealName: string; header: string; token: string; expiresAt: string }
export interface LogMeetingResponse { interactionId: string; dealId: string; alreadyLogged: boolean; contacts: MatchedContact[] }
export interface SentLook { available: boolean; logged: number; alreadyLogged: number; skipped: number }
export interface MeetingRequest {
  subject: string; start: string | null; end: string | null; location: string | null; organizer: Address | null; attendees: Address[];
}

export interface PaneConfig { devMode: boolean; clientId: string | null; authority: string | null; scopes: string[] }

export interface QualificationRequest {
  expectedVersion: number; budgetAmount: number | null; budgetCurrency: string | null; budgetStatus: string | null;
  decisionMakerName: string | null; need: string | null; timeframe: string | null; targetDate: string | null;
}

/** A refusal from the backend: status and the problem+json detail (already in the pane's language). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly code: string | null, readonly field: string | null = null) {
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
    return this.moveTo(dealId, { stage, expectedVersion });
  }
  moveTo(dealId: string, move: StageMove): Promise<DealView> { return this.send("POST", `${deal(dealId)}/stage`, move); }
  update(dealId: string, update: DealUpdate): Promise<DealView> { return this.send("PATCH", deal(dealId), update); }
  reopen(dealId: string, expectedVersion: number, reason: string): Promise<DealView> {
    return this.send("POST", `${deal(dealId)}/reopen`, { expectedVersion, reason });
  }
  timeline(dealId: string, limit = 50): Promise<TimelineEntry[]> { return this.send("GET", `${deal(dealId)}/timeline?limit=${limit}`); }
  pipeline(): Promise<Pipeline> { return this.send("GET", "/api/pipeline"); }
  owners(): Promise<OwnerChoice[]> { return this.send("GET", "/api/opportunities/owners"); }
  plans(): Promise<FollowUpPlanOption[]> { return this.send("GET", "/api/follow-up-plans"); }
  /** The deal's running (else last) plan; null when it never followed one (204). */
  plan(dealId: string): Promise<FollowUpPlan | null> { return this.send("GET", `${deal(dealId)}/follow-up-plan`); }
  startPlan(dealId: string, plan: string): Promise<FollowUpPlan> { return this.send("POST", `${deal(dealId)}/follow-up-plan`, { plan }); }
  stopPlan(dealId: string): Promise<FollowUpPlan> { return this.send("DELETE", `${deal(dealId)}/follow-up-plan`); }
  stepDone(dealId: string, step: number): Promise<FollowUpPlan> { return this.send("POST", `${deal(dealId)}/follow-up-plan/steps/${step}/done`); }
  qualify(dealId: string, request: QualificationRequest): Promise<DealView> {
    return this.send("PUT", `/api/opportunities/${encodeURIComponent(dealId)}/qualification`, request);
  }

  people(addresses: string[]): Promise<PeopleResponse> { return this.send("POST", "/api/compose/people", { addresses }); }
  logOnSend(dealId: string): Promise<LogOnSendResponse> { return this.send("POST", "/api/compose/log-on-send", { dealId }); }
  lookAtSent(): Promise<SentLook> { return this.send("POST", "/api/compose/sent"); }
  logMeeting(dealId: string, meeting: MeetingRequest): Promise<LogMeetingResponse> { return this.send("POST", `${deal(dealId)}/meetings`, meeting); }

  /** A file the API serves (the quote's .docx), fetched with the pane's token. */
  async blob(path: string): Promise<Blob> {
    const headers: Record<string, string> = { "Accept-Language": this.acceptLanguage };
    const token = this.token();
    if (token) headers["Authorization"] = `Bearer ${token}`;
    const response = await fetch(path, { headers, credentials: "omit" });
    if (!response.ok) throw new ApiError(response.status, `${response.status} ${response.statusText}`, null);
    return response.blob();
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
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
      const problem = (json ?? {}) as { detail?: unknown; title?: unknown; code?: unknown; field?: unknown; errors?: Record<string, unknown> };
      const validation = problem.errors ? Object.values(problem.errors).flat().filter((v): v is string => typeof v === "string").join(" ") : "";
      const detail = [problem.detail, validation, problem.title].find((v): v is string => typeof v === "string" && v.length > 0)
        ?? `${response.status} ${response.statusText}`;
      const field = typeof problem.field === "string" ? problem.field : problem.errors ? Object.keys(problem.errors)[0] ?? null : null;
      throw new ApiError(response.status, detail, typeof problem.code === "string" ? problem.code : null, field);
    }
    return json as T;
  }
}

const deal = (dealId: string) => `/api/opportunities/${encodeURIComponent(dealId)}`;

function safeParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return null; }
}
