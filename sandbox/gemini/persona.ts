/** Who the prompt tells the model to be: read from the system instruction, as a model would. */
export interface Persona {
  /** "Your name is Priya", "You are Priya, …", "Call yourself Priya", "Sign as Priya". */
  name?: string;
  /** "assistant of Acme Tea." / "You answer for Acme Tea." */
  business?: string;
  /** The instructions ask for short answers (brief, concise, short): no closing line. */
  brief: boolean;
}

const NAME =
  /\b(?:[Yy]our name is|[Yy]ou are called|[Yy]ou're called|[Cc]all yourself|[Ss]ign (?:off )?as|[Ii]ntroduce yourself as|[Yy]ou are|[Yy]ou're)\s+["“]?(\p{Lu}[\p{L}'-]{1,30})/u;
/** "You are the…", "You are a…" describe a role, not a name. */
const NOT_A_NAME = new Set(['The', 'A', 'An', 'Our', 'This', 'That', 'WhatsApp']);
const BUSINESS = /\b(?:assistant|agent|support|bot) (?:of|for) ([^\n.!?]{2,60}?)[.!?]?(?:\n|$|\.\s)/i;

/** "Instructions from the business:" and the paragraph under it: the persona, apart from the app's own rules. */
const INSTRUCTIONS = /^[^\n]*\binstructions\b[^\n:]*:[ \t]*\n([\s\S]*?)(?:\n[ \t]*\n|$)/im;

export function readPersona(systemText: string): Persona {
  const own = INSTRUCTIONS.exec(systemText)?.[1] ?? systemText;
  const persona: Persona = { brief: /\b(?:brief|concise|short|succinct|terse)\b/i.test(own) };
  for (const match of [...own.matchAll(new RegExp(NAME, 'gu')), ...systemText.matchAll(new RegExp(NAME, 'gu'))]) {
    if (!NOT_A_NAME.has(match[1])) {
      persona.name = match[1];
      break;
    }
  }
  const business = BUSINESS.exec(systemText)?.[1]?.trim();
  if (business && !/^(?:the business|a business|customers?)$/i.test(business)) persona.business = business;
  return persona;
}
