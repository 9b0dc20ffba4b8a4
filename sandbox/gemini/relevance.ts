import { keywords } from './text';

export interface Match {
  /** The one or two sentences that answer the question, in the order they were found. */
  sentences: string[];
  /** Share of the question's keywords the sentences cover, 0..1. */
  coverage: number;
}

/** Sentence ends: . ! ? and the Devanagari danda, followed by space; line breaks. */
const SENTENCE_END = /(?<=[.!?।])\s+|\s*\n+\s*/;

export function sentencesOf(passage: string): string[] {
  return passage
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

interface Scored {
  sentence: string;
  order: number;
  hits: Set<string>;
  /** Shared keywords over the sentence's own: a short sentence on topic beats a long one that mentions it. */
  density: number;
}

/**
 * The most relevant sentence of the passages (most distinct question keywords, then densest, then
 * earliest — passages come best first), plus a second one when it covers keywords the first does not.
 * Undefined when no sentence shares a keyword with the question.
 */
export function relevantSentences(question: string, passages: string[]): Match | undefined {
  const wanted = new Set(keywords(question));
  if (wanted.size === 0) return undefined;
  const scored: Scored[] = [];
  for (const passage of passages) {
    for (const sentence of sentencesOf(passage)) {
      const own = keywords(sentence);
      const hits = new Set(own.filter((w) => wanted.has(w)));
      if (hits.size) scored.push({ sentence, order: scored.length, hits, density: hits.size / Math.max(1, new Set(own).size) });
    }
  }
  if (scored.length === 0) return undefined;
  const rank = (a: Scored, b: Scored) => b.hits.size - a.hits.size || b.density - a.density || a.order - b.order;
  const [first, ...rest] = [...scored].sort(rank);
  const covered = new Set(first.hits);
  const second = rest
    .map((s) => ({ s, extra: [...s.hits].filter((w) => !covered.has(w)).length }))
    .filter((c) => c.extra > 0 && c.s.sentence !== first.sentence)
    .sort((a, b) => b.extra - a.extra || rank(a.s, b.s))[0]?.s;
  for (const w of second?.hits ?? []) covered.add(w);
  const chosen = second ? [first, second].sort((a, b) => a.order - b.order) : [first];
  return { sentences: chosen.map((s) => s.sentence), coverage: covered.size / wanted.size };
}

/**
 * How sure a model would be of an answer quoting the match: 0.4 for a bare mention, up to 0.95 when
 * every keyword of the question is covered. Half the question covered (0.68) stays under the default
 * threshold of 0.7; two thirds (0.77) pass it.
 */
export const confidenceOf = (coverage: number) => Math.round((0.4 + 0.55 * coverage) * 100) / 100;
