import { keywords } from './text';

export const DEFAULT_DIMENSIONS = 256;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Hashed bag of keywords, L2-normalised: texts sharing keywords have a higher cosine similarity, and
 * the same text always gets the same vector. A text without keywords gets the unit vector e0.
 */
export function embed(text: string, dimensions = DEFAULT_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of keywords(text)) {
    const h = fnv1a(word);
    // A signed hash keeps collisions from always adding up.
    vector[h % dimensions] += (fnv1a(`±${word}`) & 1) === 0 ? 1 : -1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    vector[0] = 1;
    return vector;
  }
  return vector.map((v) => v / norm);
}

export const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
