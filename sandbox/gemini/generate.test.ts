import { REPLIES, startGeminiSimulator, type GeminiSimulator } from '.';
import { agentRequest, ask, call, MODEL, responseText } from './test-helpers';

const KB = `Knowledge base:
[1] "We are open 9am to 6pm, Monday to Saturday."
[2] "Orders ship within 2 days; delivery takes 3-5 business days across India."
- "Premium plan costs ₹2,499 a month and includes 5 agents."`;

const agentPrompt = (message: string, kb = KB) =>
  `You are Acme's WhatsApp assistant. Answer only from the knowledge base. Never promise refunds.\n\n${kb}\n\nCustomer: ${message}\n\nRespond with JSON.`;

let sim: GeminiSimulator;
beforeAll(async () => {
  sim = await startGeminiSimulator({ apiKey: 'test-gemini-key' });
});
afterAll(() => sim.stop());
afterEach(() => sim.reset());

describe('generateContent wire format', () => {
  it('answers in Google’s response shape with the structured answer as JSON text', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:generateContent`, agentRequest(agentPrompt('When are you open on Saturday?')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const candidate = res.json.candidates[0];
    expect(candidate).toMatchObject({ content: { role: 'model', parts: [{ text: expect.any(String) }] }, finishReason: 'STOP', index: 0 });
    expect(res.json.modelVersion).toBe(MODEL);
    const { promptTokenCount, candidatesTokenCount, totalTokenCount } = res.json.usageMetadata;
    expect(promptTokenCount).toBeGreaterThan(0);
    expect(candidatesTokenCount).toBeGreaterThan(0);
    expect(totalTokenCount).toBe(promptTokenCount + candidatesTokenCount);
    expect(JSON.parse(responseText(res.json)!)).toEqual({
      reply: 'Happy to help! We are open 9am to 6pm, Monday to Saturday. Anything else I can help you with?',
      confidence: 0.95,
      intent: 'question',
      handoff: false,
    });
  });

  it('serves /v1 too, takes ?key=, and accepts responseJsonSchema', async () => {
    const body = {
      contents: [{ role: 'user', parts: [{ text: 'hello!' }] }],
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { reply: { type: 'string' }, intent: { type: 'string' } } } },
    };
    const res = await call(sim.url, `/v1/models/${MODEL}:generateContent?key=test-gemini-key`, body, { key: null });
    expect(res.status).toBe(200);
    // Like Gemini, only the properties the schema declares.
    expect(JSON.parse(responseText(res.json)!)).toEqual({ reply: REPLIES.greeting, intent: 'greeting' });
  });

  it('keeps intent inside the schema’s enum', async () => {
    const schema = { type: 'OBJECT', properties: { intent: { type: 'STRING', enum: ['faq', 'other'] }, handoff: { type: 'BOOLEAN' } } };
    expect(await ask(sim.url, agentPrompt('Are you open on Saturday?'), { schema })).toEqual({ intent: 'other', handoff: false });
  });

  it('answers the bare reply without responseMimeType JSON', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:generateContent`, agentRequest('hi there', { json: false }));
    expect(responseText(res.json)).toBe(REPLIES.greeting);
  });

  it('streams one SSE chunk for streamGenerateContent?alt=sse', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`, agentRequest('good morning'));
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const chunk = JSON.parse(res.text.replace(/^data: /, ''));
    expect(JSON.parse(responseText(chunk)!).intent).toBe('greeting');
  });

  it('records the question, passages and answer', async () => {
    await ask(sim.url, agentPrompt('How long does delivery take?'));
    const [record] = sim.requests();
    expect(record).toMatchObject({ method: 'POST', apiVersion: 'v1beta', model: MODEL, operation: 'generateContent', status: 200 });
    expect(record.question).toBe('How long does delivery take?');
    expect(record.passages).toHaveLength(3);
    expect(record.answer?.intent).toBe('question');
  });
});

describe('answer rules', () => {
  it.each([
    ['When are you open on Saturday?', 'We are open 9am to 6pm', 0.95],
    ['when will my order ship?', 'Orders ship within 2 days', 0.95],
    ['How much is the premium plan?', 'Premium plan costs', 0.95],
    // "hours" is not in the passage: half the question is covered, under the default threshold of 0.7.
    ['What are your opening hours?', 'We are open 9am to 6pm', 0.68],
  ])('quotes the sentence sharing most keywords: %s', async (question, passage, confidence) => {
    const answer = await ask(sim.url, agentPrompt(question));
    expect(answer).toMatchObject({ confidence, intent: 'question', handoff: false });
    expect(answer.reply).toContain(passage);
  });

  it.each([
    ['I want a refund for order 123', 'refund', REPLIES.refund],
    ['Can I get my money back?', 'refund', REPLIES.refund],
    ['My lawyer will be in touch', 'legal', REPLIES.legal],
    ['I will sue you', 'legal', REPLIES.legal],
    ['This is a complaint about your delivery', 'complaint', REPLIES.complaint],
    ['Terrible service, I am so angry', 'complaint', REPLIES.complaint],
  ])('hands off %s', async (question, intent, reply) => {
    expect(await ask(sim.url, agentPrompt(question))).toEqual({ reply, confidence: 0.9, intent, handoff: true });
  });

  it.each(['Hi', 'hello there!', 'Good evening team', 'good morning'])('greets back: %s', async (greeting) => {
    expect(await ask(sim.url, agentPrompt(greeting))).toEqual({ reply: REPLIES.greeting, confidence: 0.95, intent: 'greeting', handoff: false });
  });

  it('is not sure when nothing matches, and a greeting with a question is not a greeting', async () => {
    const unsure = { reply: REPLIES.unsure, confidence: 0.3, intent: 'other', handoff: false };
    expect(await ask(sim.url, agentPrompt('Do you sell bicycles?'))).toEqual(unsure);
    expect(await ask(sim.url, agentPrompt('hi, do you sell bicycles?'))).toEqual(unsure);
    expect(await ask(sim.url, 'What are your opening hours?')).toEqual(unsure);
  });

  it('reads only the customer’s message for intents, not the instructions around it', async () => {
    // The instructions say "refunds"; the customer did not.
    expect((await ask(sim.url, agentPrompt('Are you open on Saturday?'))).intent).toBe('question');
  });

  it('finds the knowledge base in the system instruction and the question in the last user turn', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:generateContent`, {
      systemInstruction: { parts: [{ text: `Be brief.\n\n## Knowledge base\n> "Returns are accepted within 30 days of delivery."` }] },
      contents: [
        { role: 'user', parts: [{ text: 'hi' }] },
        { role: 'model', parts: [{ text: 'Hello! How can I help you today?' }] },
        { role: 'user', parts: [{ text: 'Can I return a jacket I bought last week?' }] },
      ],
      generationConfig: { responseMimeType: 'application/json' },
    });
    const answer = JSON.parse(responseText(res.json)!);
    // "return" and "jacket", "bought", "last", "week": one keyword of five is covered.
    expect(answer).toMatchObject({ intent: 'question', confidence: 0.51 });
    expect(answer.reply).toContain('Returns are accepted within 30 days');
  });

  it('quotes tenant knowledge when the prompt names the tenant', async () => {
    sim.setKnowledge('tenant-42', ['Our store is at 12 MG Road, Bengaluru.', { title: 'Parking', text: 'Free parking is behind the store.' }]);
    const answer = await ask(sim.url, 'Where is the parking?', { system: 'You answer for tenant-42.' });
    expect(answer).toMatchObject({ intent: 'question', reply: expect.stringContaining('Free parking') });
    expect((await ask(sim.url, 'Where is the parking?', { system: 'You answer for tenant-7.' })).intent).toBe('other');
    sim.setKnowledge('*', ['Parking is on the street.']);
    expect((await ask(sim.url, 'Where is the parking?', { system: 'You answer for tenant-7.' })).reply).toContain('on the street');
  });
});

describe('nextAnswers', () => {
  it('overrides the next calls in order, merged over the rule answer, then the rules resume', async () => {
    sim.nextAnswers([{ confidence: 0.42, intent: 'pricing' }, { reply: 'Custom', handoff: true }, { text: 'not json at all' }]);
    expect(await ask(sim.url, agentPrompt('Are you open on Saturday?'))).toMatchObject({ confidence: 0.42, intent: 'pricing', reply: expect.stringContaining('9am') });
    expect(await ask(sim.url, 'hello')).toEqual({ reply: 'Custom', confidence: 0.95, intent: 'greeting', handoff: true });
    const raw = await call(sim.url, `/v1beta/models/${MODEL}:generateContent`, agentRequest('hello'));
    expect(responseText(raw.json)).toBe('not json at all');
    expect((await ask(sim.url, 'hello')).intent).toBe('greeting');
  });
});
