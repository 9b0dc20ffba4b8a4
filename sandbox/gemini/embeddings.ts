import { DEFAULT_DIMENSIONS, embed } from './embed';
import { invalidArgument } from './errors';

type Json = Record<string, unknown>;

const MAX_BATCH = 100;

function oneEmbedding(request: Json, where: string): { values: number[] } {
  const parts = (request.content as { parts?: unknown } | undefined)?.parts;
  const texts = Array.isArray(parts) ? parts.map((p) => (p as { text?: unknown })?.text).filter((t): t is string => typeof t === 'string') : [];
  if (texts.length === 0) throw invalidArgument(`* ${where}.content: contents is not specified\n`);
  const dims = request.outputDimensionality ?? request.output_dimensionality ?? DEFAULT_DIMENSIONS;
  if (typeof dims !== 'number' || !Number.isInteger(dims) || dims < 1 || dims > 3072) {
    throw invalidArgument(`* ${where}.output_dimensionality: must be between 1 and 3072\n`);
  }
  // taskType and title are accepted and ignored, so query and document vectors are comparable.
  return { values: embed(texts.join('\n'), dims) };
}

export function embedContent(body: Json): Json {
  return { embedding: oneEmbedding(body, 'EmbedContentRequest') };
}

export function batchEmbedContents(body: Json): Json {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw invalidArgument('* BatchEmbedContentsRequest.requests: requests is not specified\n');
  if (requests.length > MAX_BATCH) throw invalidArgument(`* BatchEmbedContentsRequest.requests: at most ${MAX_BATCH} requests can be in one batch\n`);
  return { embeddings: requests.map((r, i) => oneEmbedding((r ?? {}) as Json, `BatchEmbedContentsRequest.requests[${i}]`)) };
}
