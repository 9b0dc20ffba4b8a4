import { cosine, embed, startGeminiSimulator, type GeminiSimulator } from '.';
import { call } from './test-helpers';

const MODEL = 'gemini-embedding-001';

let sim: GeminiSimulator;
beforeAll(async () => {
  sim = await startGeminiSimulator({ apiKey: 'test-gemini-key' });
});
afterAll(() => sim.stop());

const request = (text: string, extra: Record<string, unknown> = {}) => ({ model: `models/${MODEL}`, content: { parts: [{ text }] }, ...extra });

describe('embeddings', () => {
  it('batchEmbedContents (what @google/genai calls) answers one normalised 256-dim vector per request, in order', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:batchEmbedContents`, {
      requests: [request('Refunds take 5 days', { taskType: 'RETRIEVAL_DOCUMENT', title: 'Refunds' }), request('We open at 9am')],
    });
    expect(res.status).toBe(200);
    const [a, b] = res.json.embeddings.map((e: { values: number[] }) => e.values);
    expect(res.json.embeddings).toHaveLength(2);
    expect(a).toHaveLength(256);
    expect(Math.hypot(...a)).toBeCloseTo(1, 10);
    expect(a).toEqual(embed('Refunds take 5 days'));
    expect(b).toEqual(embed('We open at 9am'));
  });

  it('embedContent answers {embedding:{values}} and honours outputDimensionality', async () => {
    const res = await call(sim.url, `/v1beta/models/${MODEL}:embedContent`, {
      content: { parts: [{ text: 'opening hours' }] },
      taskType: 'RETRIEVAL_QUERY',
      outputDimensionality: 768,
    });
    expect(res.json.embedding.values).toHaveLength(768);
    expect(res.json.embedding.values).toEqual(embed('opening hours', 768));
  });

  it('similar texts score higher, whatever the task type', () => {
    const query = embed('When do you open on Saturday?');
    const hours = embed('We are open 9am to 6pm, Monday to Saturday.');
    const shipping = embed('Orders ship within 2 days.');
    expect(cosine(query, hours)).toBeGreaterThan(cosine(query, shipping));
    expect(cosine(query, query)).toBeCloseTo(1, 10);
    expect(embed('???')).toEqual([1, ...new Array(255).fill(0)]);
  });

  it('400 INVALID_ARGUMENT for missing content, empty batches and bad dimensions', async () => {
    for (const [op, body] of [
      ['embedContent', {}],
      ['batchEmbedContents', { requests: [] }],
      ['batchEmbedContents', { requests: Array.from({ length: 101 }, () => request('x')) }],
      ['embedContent', { content: { parts: [{ text: 'x' }] }, outputDimensionality: 4000 }],
    ] as const) {
      const res = await call(sim.url, `/v1beta/models/${MODEL}:${op}`, body);
      expect(res.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    }
  });
});
