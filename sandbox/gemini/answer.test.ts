import { answerFor, REPLIES } from './answer';
import { detectLanguage, PHRASES } from './language';
import { readPersona } from './persona';
import { confidenceOf, relevantSentences } from './relevance';

const FAQ = [
  'Acme Tea ships across India. Orders placed before 2pm ship the same day. Delivery takes 3 to 5 business days. We do not ship outside India.',
  'Our store is open 9am to 6pm, Monday to Saturday. We are closed on Sundays and public holidays.',
  'Green tea costs ₹450 for 100 grams. Masala chai costs ₹380 for 100 grams.',
];

describe('the answer from the passages', () => {
  it('quotes the one relevant sentence, not the whole FAQ', () => {
    const answer = answerFor('Are you closed on Sundays?', FAQ);
    expect(answer).toMatchObject({ intent: 'question', handoff: false, confidence: 0.95 });
    expect(answer.reply).toContain('We are closed on Sundays and public holidays.');
    expect(answer.reply).not.toContain('9am to 6pm');
    expect(answer.reply).not.toContain('ships across India');
  });

  it('adds a second sentence when it covers what the first does not', () => {
    const match = relevantSentences('How much is masala chai and green tea?', FAQ);
    expect(match?.sentences).toEqual(['Green tea costs ₹450 for 100 grams.', 'Masala chai costs ₹380 for 100 grams.']);
    expect(match?.coverage).toBe(1);
  });

  it('is confident in proportion to how much of the question the sentences cover', () => {
    expect(answerFor('When do orders placed before 2pm ship?', FAQ).confidence).toBe(0.95);
    // "grams" is found; "sell", "oolong" and "kilogram" are not: a quarter of the question.
    const partial = answerFor('Do you sell oolong by the kilogram or grams?', FAQ);
    expect(partial.confidence).toBe(confidenceOf(1 / 4));
    expect(partial.confidence).toBeLessThan(0.7);
    expect(confidenceOf(0.5)).toBeLessThan(0.7);
    expect(confidenceOf(2 / 3)).toBeGreaterThan(0.7);
  });

  it('is unsure, with low confidence, on an unrelated question', () => {
    expect(answerFor('Can you knit me a purple giraffe?', FAQ)).toEqual({ reply: REPLIES.unsure, confidence: 0.3, intent: 'other', handoff: false });
  });

  it('speaks as the persona: its name, its business, brief or not', () => {
    const system = 'You are the WhatsApp assistant of Acme Tea.\nInstructions from the business:\nYour name is Priya. Be warm.\n\nKeep replies short and friendly.';
    const persona = readPersona(system);
    expect(persona).toEqual({ name: 'Priya', business: 'Acme Tea', brief: false });
    const answer = answerFor('Are you closed on Sundays?', FAQ, persona);
    expect(answer.reply).toBe('Hi, this is Priya from Acme Tea! We are closed on Sundays and public holidays. Anything else I can help you with?');
    expect(answerFor('hello', FAQ, persona).reply).toBe('Hello! This is Priya from Acme Tea. How can I help you today?');

    const brief = readPersona('You are the WhatsApp assistant of Acme Tea.\nInstructions from the business:\nYou are Ravi, brief and to the point.\n');
    expect(brief).toEqual({ name: 'Ravi', business: 'Acme Tea', brief: true });
    expect(answerFor('Are you closed on Sundays?', FAQ, brief).reply).toBe('Hi, this is Ravi from Acme Tea! We are closed on Sundays and public holidays.');
    expect(readPersona('You are the WhatsApp assistant of Acme Tea.').name).toBeUndefined();
  });

  it('answers in the customer’s language where it can', () => {
    const persona = readPersona('You are the WhatsApp assistant of Acme Tea.\nInstructions from the business:\nYour name is Priya.\n');
    expect(answerFor('नमस्ते', FAQ, persona)).toMatchObject({ intent: 'greeting', reply: PHRASES.hi.greeting('Priya', 'Acme Tea') });
    expect(answerFor('Hola, ¿cuánto cuesta el masala chai?', FAQ, persona).reply).toBe(
      '¡Hola, soy Priya de Acme Tea! Esto es lo que dice nuestra información: Masala chai costs ₹380 for 100 grams. ¿Te puedo ayudar con algo más?',
    );
    expect(answerFor('Aapka store Sunday ko closed hai kya?', FAQ).reply).toContain('We are closed on Sundays');
    expect(answerFor('Aapka store Sunday ko closed hai kya?', FAQ).reply).toMatch(/^Namaste/);
    expect(answerFor('هل لديكم شاي أخضر؟', FAQ)).toMatchObject({ reply: PHRASES.ar.unsure, confidence: 0.3 });
  });

  it('detects a few languages and scripts deterministically', () => {
    expect(detectLanguage('When do you open?')).toBe('en');
    expect(detectLanguage('¿Abren el sábado?')).toBe('es');
    expect(detectLanguage('Olá, quando vocês abrem?')).toBe('pt');
    expect(detectLanguage('Bonjour, quand êtes-vous ouvert ?')).toBe('fr');
    expect(detectLanguage('आप कब खुलते हैं?')).toBe('hi');
    expect(detectLanguage('aap kab khulte hain?')).toBe('hi-Latn');
    expect(detectLanguage('متى تفتحون؟')).toBe('ar');
  });
});
