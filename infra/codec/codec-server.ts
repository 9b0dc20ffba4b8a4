import { ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import type { TCodecPayloads } from '../../domain/platform';
import { AppError } from '../../domain/errors';

type JsonPayload = TCodecPayloads['payloads'][number];

/** One codec server call: proto-JSON payloads in, the codec's output back in the same shape. */
export async function runCodec(codec: PayloadCodec, operation: 'encode' | 'decode', body: TCodecPayloads): Promise<TCodecPayloads> {
  try {
    const converted = await codec[operation](body.payloads.map(fromJson));
    return { payloads: converted.map(toJson) };
  } catch (err) {
    if (err instanceof ValueError) throw new AppError('unprocessable', err.message);
    throw err;
  }
}

function fromJson({ metadata, data }: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  };
}

function toJson({ metadata, data }: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
    data: Buffer.from(data ?? []).toString('base64'),
  };
}
