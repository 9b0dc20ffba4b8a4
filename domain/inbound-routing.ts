import type { ConversationSeed } from './conversation';
import { optKeyword } from './opt-out';

/** The conversation fields an inbound message may change (the actor's memory and the row hold the same). */
export interface ConversationRouting {
  status: ConversationSeed['status'];
  mode: ConversationSeed['mode'];
  aiReplyCount: number;
  handoffReason: string | null;
}

/**
 * "Reopen on inbound", the one rule: a resolved conversation the customer writes to again starts
 * afresh, open and with the AI (a fresh reply allowance, no handoff reason). Anything else is kept.
 * Applied by the actor to its memory and by `recordInboundConversation` to the row.
 */
export function reopenOnInbound<T extends ConversationRouting>(current: T): T {
  if (current.status !== 'resolved') return current;
  return { ...current, status: 'open', mode: 'ai', aiReplyCount: 0, handoffReason: null };
}

/** Who a conversation starts with (a new one, or one the customer reopens): the AI when the workspace has it on, the team otherwise. */
export function startingMode(aiEnabled: boolean): 'ai' | 'agent' {
  return aiEnabled ? 'ai' : 'agent';
}

/**
 * The mode follows the workspace's AI setting when a message arrives: a conversation left with the AI
 * while the AI is off belongs to the team (nobody else would answer it). One with the team stays there
 * when the AI is turned on again: a person may be mid-conversation, and "Release to AI" gives it back.
 */
export function followAiSetting<T extends ConversationRouting>(current: T, aiEnabled: boolean): T {
  if (current.mode !== 'ai' || aiEnabled) return current;
  return { ...current, mode: 'agent' };
}

/** Plain facts about an inbound message and its conversation, known to the actor when it arrives. */
export interface InboundFacts {
  /** The text of a `text` message; null for any other type (a keyword is only ever typed text). */
  text: string | null;
  optedOut: boolean;
  mode: ConversationSeed['mode'];
  /**
   * True when an automation owns the conversation. Nothing sets it yet: the automations feature will,
   * and until then no conversation is routed to `automation`.
   */
  automationOwns?: boolean;
}

export type InboundRoute =
  | { kind: 'opt_out' }
  | { kind: 'opt_in' }
  | { kind: 'ai' }
  | { kind: 'automation' }
  | { kind: 'ignore'; reason: 'opted_out' | 'already_opted_out' | 'already_opted_in' | 'not_ai_mode' };

/**
 * What happens to an inbound message: STOP opts out (once), START opts back in (once), an opted-out
 * contact gets nothing else, an automation that owns the conversation takes it, the AI answers in
 * `ai` mode; otherwise it waits for people (agent mode, or an automation mode no automation owns). A repeated STOP/START is never offered to the AI.
 */
export function routeInbound(facts: InboundFacts): InboundRoute {
  const keyword = facts.text === null ? null : optKeyword(facts.text);
  if (keyword === 'stop') return facts.optedOut ? { kind: 'ignore', reason: 'already_opted_out' } : { kind: 'opt_out' };
  if (keyword === 'start') return facts.optedOut ? { kind: 'opt_in' } : { kind: 'ignore', reason: 'already_opted_in' };
  if (facts.optedOut) return { kind: 'ignore', reason: 'opted_out' };
  if (facts.automationOwns) return { kind: 'automation' };
  if (facts.mode === 'ai') return { kind: 'ai' };
  return { kind: 'ignore', reason: 'not_ai_mode' };
}

/** What the AI side knows once the actor offered it a message (settings, plan, clock, the question). */
export interface AiTurnFacts {
  enabled: boolean;
  /** Within the hours the AI answers (`aiOnDuty`). */
  onDuty: boolean;
  question: string | null;
  aiRepliesSoFar: number;
  maxRepliesPerConversation: number;
  /** The plan's AI replies left this month; null while not read yet (it is read only when needed). */
  planAiRepliesLeft: number | null;
}

export type AiTurnGate = { kind: 'off' } | { kind: 'handoff'; reason: 'outside_ai_hours' | 'unsupported_message' | 'reply_cap' | 'plan_ai_limit' } | { kind: 'ask' };

/** Whether the AI is asked at all, in order: turned off, off duty, nothing to answer, reply cap, plan limit. */
export function aiTurnGate(facts: AiTurnFacts): AiTurnGate {
  if (!facts.enabled) return { kind: 'off' };
  if (!facts.onDuty) return { kind: 'handoff', reason: 'outside_ai_hours' };
  if (facts.question === null) return { kind: 'handoff', reason: 'unsupported_message' };
  if (facts.aiRepliesSoFar >= facts.maxRepliesPerConversation) return { kind: 'handoff', reason: 'reply_cap' };
  if (facts.planAiRepliesLeft !== null && facts.planAiRepliesLeft <= 0) return { kind: 'handoff', reason: 'plan_ai_limit' };
  return { kind: 'ask' };
}
