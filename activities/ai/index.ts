import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { answerWithAi, type AiTurnInput } from './answer-with-ai';
import { createGeminiClient } from '../../integrations/gemini/client';

export interface AiActivityDeps {
  db: Database;
  config: Pick<AppConfig, 'gemini'>;
}

/** The AI agent's one activity: the conversation actor applies the guardrails to what it returns. */
export function createAiActivities({ db, config }: AiActivityDeps) {
  const gemini = createGeminiClient(config.gemini);
  return {
    answerWithAi: (input: AiTurnInput) => answerWithAi({ db, gemini }, input),
  };
}

export type AiActivities = ReturnType<typeof createAiActivities>;
