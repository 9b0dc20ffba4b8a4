import type { ControlAccess } from '../control-access';
import type { GeminiFault } from './faults';

export interface GeminiSimulatorOptions {
  /** The only key accepted (`x-goog-api-key` header or `?key=`). */
  apiKey: string;
  /** Who may call /_sim; default: a random token (`controlToken`) and no browser origin. */
  control?: ControlAccess;
  /** 0 or unset: a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/** The AI agent's structured output (SPEC §2.7). */
export interface AgentAnswer {
  reply: string;
  confidence: number;
  intent: string;
  handoff: boolean;
}

/** A queued override: fields merged over the rule-based answer, or `text` returned verbatim as the text part. */
export type NextAnswer = Partial<AgentAnswer> | { text: string };

/** A knowledge-base document for `setKnowledge`. */
export type KnowledgeDoc = string | { title?: string; text: string };

export type GeminiOperation = 'generateContent' | 'streamGenerateContent' | 'embedContent' | 'batchEmbedContents';

export interface GeminiRequestRecord {
  at: number;
  method: string;
  path: string;
  apiVersion?: string;
  model?: string;
  operation?: GeminiOperation;
  /** The parsed JSON body. */
  body: unknown;
  status?: number;
  faultId?: string;
  /** For generate calls: what the rules saw and answered. */
  question?: string;
  passages?: string[];
  answer?: AgentAnswer;
  /** The text part sent back (generate calls). */
  text?: string;
}

export interface ActiveGeminiFault {
  id: string;
  spec: GeminiFault;
  /** Calls left; undefined = until cleared. */
  remaining?: number;
  hits: number;
}

export interface GeminiSimulator {
  /** `http://127.0.0.1:PORT` — the SDK's `httpOptions.baseUrl` / GEMINI_BASE_URL (no `/v1beta`). */
  readonly url: string;
  /** What `/_sim` requests carry in the x-sandbox-control-token header. */
  readonly controlToken: string;
  /** Documents quoted for prompts that mention `tenantKey` (`'*'`: every prompt). An empty list removes them. */
  setKnowledge(tenantKey: string, docs: KnowledgeDoc[]): void;
  /** Overrides for the next generate calls, one per call, in order. */
  nextAnswers(answers: NextAnswer[]): void;
  injectFault(spec: GeminiFault): string;
  clearFaults(): void;
  activeFaults(): ActiveGeminiFault[];
  requests(): GeminiRequestRecord[];
  /** Forgets requests, faults, queued answers and knowledge. */
  reset(): void;
  stop(): Promise<void>;
}
