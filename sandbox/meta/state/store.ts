import { createHash } from 'node:crypto';
import type { GraphRequestRecord, SentMessage, WebhookDelivery } from '../types';
import { newAccessToken, newConversationId, newDisplayNumber, newGraphId, nowSeconds } from './ids';

export interface Waba {
  id: string;
  businessId: string;
  name: string;
  createdAt: number;
  /** App ids subscribed to this WABA's webhooks, with an optional per-WABA callback override. */
  subscriptions: Map<string, { overrideCallbackUri?: string }>;
}

export interface PhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'NA' | 'UNKNOWN';
  registered: boolean;
  pin?: string;
}

export interface TokenRecord {
  token: string;
  kind: 'business' | 'user' | 'registered' | 'app';
  /** 'all' for registered tokens without a scope (a system user on every WABA). */
  wabaIds: string[] | 'all';
  userId: string;
  issuedAt: number;
  /** Unix seconds; undefined = never expires. */
  expiresAt?: number;
}

export interface AuthCode {
  code: string;
  redirectUri: string;
  userId: string;
  wabaIds: string[];
  expiresAt: number;
  used: boolean;
}

export interface MediaRecord {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
  filename?: string;
  createdAt: number;
}

export interface TemplateRecord {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  status: string;
  rejectedReason: string;
  components: Record<string, unknown>[];
  parameterFormat: 'POSITIONAL' | 'NAMED';
  createdAt: number;
}

/** The simulated Meta world (accounts, tokens, media, templates) plus what the simulator recorded. */
export class SimStore {
  readonly wabas = new Map<string, Waba>();
  readonly phones = new Map<string, PhoneNumber>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, AuthCode>();
  readonly media = new Map<string, MediaRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly sent: SentMessage[] = [];
  readonly sentByWamid = new Map<string, SentMessage>();
  readonly deliveries: WebhookDelivery[] = [];
  readonly requests: GraphRequestRecord[] = [];
  readonly readMarks: { phoneNumberId: string; messageId: string; at: number }[] = [];
  /** Last inbound message time per `${phoneNumberId}:${waId}`, for the customer-service window. */
  readonly lastInbound = new Map<string, number>();
  /** Open conversation per `${phoneNumberId}:${waId}:${category}` (24 h), so statuses reuse its id. */
  readonly conversations = new Map<string, { id: string; expiresAt: number }>();

  createWaba(input: { id?: string; name?: string; businessId?: string } = {}): Waba {
    const waba: Waba = {
      id: input.id ?? newGraphId(),
      businessId: input.businessId ?? newGraphId(),
      name: input.name ?? 'Sandbox Business',
      createdAt: Date.now() + this.wabas.size / 1000, // strictly increasing, so "newest first" is well defined
      subscriptions: new Map(),
    };
    this.wabas.set(waba.id, waba);
    this.seedHelloWorld(waba.id);
    return waba;
  }

  createPhone(wabaId: string, input: { id?: string; displayPhoneNumber?: string; verifiedName?: string; registered?: boolean } = {}): PhoneNumber {
    const phone: PhoneNumber = {
      id: input.id ?? newGraphId(),
      wabaId,
      displayPhoneNumber: (input.displayPhoneNumber ?? newDisplayNumber()).replace(/\D/g, ''),
      verifiedName: input.verifiedName ?? this.wabas.get(wabaId)?.name ?? 'Sandbox Business',
      qualityRating: 'GREEN',
      registered: input.registered ?? false,
    };
    this.phones.set(phone.id, phone);
    return phone;
  }

  issueToken(input: Omit<TokenRecord, 'token' | 'issuedAt'> & { token?: string }): TokenRecord {
    const record: TokenRecord = { ...input, token: input.token ?? newAccessToken(), issuedAt: nowSeconds() };
    this.tokens.set(record.token, record);
    return record;
  }

  addMedia(phoneNumberId: string, bytes: Buffer, mimeType: string, filename?: string): MediaRecord {
    const record: MediaRecord = { id: newGraphId(), phoneNumberId, mimeType, bytes, filename, createdAt: Date.now(), sha256: createHash('sha256').update(bytes).digest('hex') };
    this.media.set(record.id, record);
    return record;
  }

  addTemplate(input: Omit<TemplateRecord, 'id' | 'createdAt'>): TemplateRecord {
    const record: TemplateRecord = { ...input, id: newGraphId(), createdAt: Date.now() };
    this.templates.set(record.id, record);
    return record;
  }

  findTemplate(wabaId: string, name: string, language: string): TemplateRecord | undefined {
    return [...this.templates.values()].find((t) => t.wabaId === wabaId && t.name === name && t.language === language);
  }

  /** WABAs the token can act on, newest first (the order debug_token lists target_ids in). */
  wabasOf(token: TokenRecord): Waba[] {
    const all = [...this.wabas.values()].sort((a, b) => b.createdAt - a.createdAt);
    return token.wabaIds === 'all' ? all : all.filter((w) => token.wabaIds.includes(w.id));
  }

  recordSent(message: SentMessage): void {
    this.sent.push(message);
    this.sentByWamid.set(message.wamid, message);
  }

  /** The latest message the business sent to this customer from this number. */
  lastSentTo(phoneNumberId: string, waId: string, type?: string): SentMessage | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i];
      if (m.phoneNumberId === phoneNumberId && m.waId === waId && (!type || m.type === type)) return m;
    }
    return undefined;
  }

  clearRecordings(): void {
    this.sent.length = 0;
    this.sentByWamid.clear();
    this.deliveries.length = 0;
    this.requests.length = 0;
    this.readMarks.length = 0;
    this.lastInbound.clear();
    this.conversations.clear();
  }

  clearWorld(): void {
    for (const map of [this.wabas, this.phones, this.codes, this.media, this.templates]) map.clear();
    for (const [token, record] of this.tokens) if (record.kind !== 'app') this.tokens.delete(token);
  }

  conversationFor(phoneNumberId: string, waId: string, category: string): { id: string; expiresAt: number; isNew: boolean } {
    const key = `${phoneNumberId}:${waId}:${category}`;
    const open = this.conversations.get(key);
    if (open && open.expiresAt > nowSeconds()) return { ...open, isNew: false };
    const created = { id: newConversationId(), expiresAt: nowSeconds() + 24 * 3600 };
    this.conversations.set(key, created);
    return { ...created, isNew: true };
  }

  /** New WABAs come with Meta's approved sample template. */
  private seedHelloWorld(wabaId: string): void {
    this.addTemplate({
      wabaId,
      name: 'hello_world',
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      rejectedReason: 'NONE',
      parameterFormat: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
        {
          type: 'BODY',
          text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
        },
        { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
      ],
    });
  }
}
