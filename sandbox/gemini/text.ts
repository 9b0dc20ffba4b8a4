const STOPWORDS = new Set(
  (
    'the and for are but not you your yours with this that these those have has had from what when where which who whom how why ' +
    'can could would should will shall may might must our ours ourselves was were been being does did doing done there their they ' +
    'them then than about any all also into just more most some such only own same too very its out off over under again ' +
    'further once here both each few other nor yet get got please thanks thank want need know tell let like much many one ' +
    'way use yes okay his her him she via per etc don won isn aren doesn didn wasn weren haven hasn couldn wouldn shouldn'
  ).split(' '),
);

/** A light stemmer, so "opening"/"open", "shipped"/"ships"/"ship" and "hours"/"hour" meet. See README. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  const suffix = /(?:ing|ed)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) {
    w = w.slice(0, -suffix[0].length);
    if (/([b-df-hj-kmnp-rtv-y])\1$/.test(w)) w = w.slice(0, -1);
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/**
 * Keywords of a text: lowercase letter/digit runs (with their combining marks, so Devanagari words stay whole) of 3+ characters (apostrophes split words), minus
 * stopwords, stemmed. Used for knowledge matching and embeddings.
 */
export function keywords(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** Rough token count as Gemini reports it for English (about 4 characters a token). */
export const tokenCount = (text: string) => Math.ceil(text.length / 4);
