// The quote, contract and milestone calls of the pane (the API's Quotes group). Every rule is the backend's: a refusal
// comes back as an ApiError with its field or code.
import type { Api } from "./api";

export type QuoteStatus = "draft" | "awaitingApproval" | "approved" | "sent" | "accepted" | "rejected";

export interface QuoteLine {
  productCode: string | null; description: string; unit: string | null; quantity: number; unitPrice: number; discountPercent: number; amount: number;
}

export interface Quote {
  opportunityId: string; dealName: string; number: number; currency: string; lines: QuoteLine[];
  subtotal: number; discount: number; tax: number; taxRatePercent: number; total: number; status: QuoteStatus; isCurrent: boolean; version: number;
  decision: { approved: boolean; comment: string | null } | null;
}

export interface Product { code: string; name: string; unit: string | null; prices: { currency: string; unitPrice: number }[]; active: boolean }

export interface LineInput { productCode?: string; description?: string; quantity: number; unitPrice?: number; discountPercent?: number }

export interface Contract { signedOn: string; documentLink: string | null; value: number; currency: string }

export type MilestoneKind = "payment" | "delivery";

export interface Milestone {
  id: string; kind: MilestoneKind; description: string | null; amount: number | null; currency: string | null; dueOn: string;
  paidOn: string | null; deliveredOn: string | null; overdue: boolean;
}

const deal = (id: string) => `/api/opportunities/${encodeURIComponent(id)}`;
const quote = (id: string, number: number) => `${deal(id)}/quotes/${number}`;

export const quotes = {
  /** The deal's current quote; null when it has none (204). */
  current: (api: Api, dealId: string) => api.send<Quote | null>("GET", `${deal(dealId)}/quotes/current`),
  create: (api: Api, dealId: string, currency: string, lines: LineInput[]) => api.send<Quote>("POST", `${deal(dealId)}/quotes`, { currency, lines }),
  addLine: (api: Api, q: Quote, line: LineInput) => api.send<Quote>("POST", `${quote(q.opportunityId, q.number)}/lines`, { expectedVersion: q.version, ...line }),
  removeLine: (api: Api, q: Quote, index: number) =>
    api.send<Quote>("DELETE", `${quote(q.opportunityId, q.number)}/lines/${index}?expectedVersion=${q.version}`),
  discount: (api: Api, q: Quote, discountPercent: number) =>
    api.send<Quote>("PUT", `${quote(q.opportunityId, q.number)}/discount`, { expectedVersion: q.version, discountPercent }),
  submit: (api: Api, q: Quote) => api.send<Quote>("POST", `${quote(q.opportunityId, q.number)}/submit`),
  sent: (api: Api, q: Quote) => api.send<Quote>("POST", `${quote(q.opportunityId, q.number)}/sent`),
  answer: (api: Api, q: Quote, accepted: boolean) => api.send<Quote>("POST", `${quote(q.opportunityId, q.number)}/answer`, { accepted }),
  document: (api: Api, q: Quote) => api.blob(`${quote(q.opportunityId, q.number)}/document`),
  documentLink: (api: Api, q: Quote) => api.send<{ url: string; expiresAt: string }>("POST", `${quote(q.opportunityId, q.number)}/document-link`),
  products: (api: Api) => api.send<Product[]>("GET", "/api/products"),
  contract: (api: Api, dealId: string) => api.send<Contract | null>("GET", `${deal(dealId)}/contract`),
  recordContract: (api: Api, dealId: string, contract: { signedOn: string; documentLink: string | null; value: number | null }) =>
    api.send<Contract>("POST", `${deal(dealId)}/contract`, contract),
  milestones: (api: Api, dealId: string) => api.send<Milestone[]>("GET", `${deal(dealId)}/milestones`),
  addMilestone: (api: Api, dealId: string, milestone: { kind: MilestoneKind; description: string | null; amount: number | null; dueOn: string }) =>
    api.send<Milestone>("POST", `${deal(dealId)}/milestones`, milestone),
  milestoneDone: (api: Api, dealId: string, id: string) => api.send<Milestone>("POST", `${deal(dealId)}/milestones/${encodeURIComponent(id)}/done`),
};
