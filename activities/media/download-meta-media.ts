import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ApplicationFailure } from '@temporalio/common';
import type { MediaStorage, StoredObject } from '../../db/media/storage';
import { currentActivity } from '../meta/dispatch/activity-context';
import type { GraphClient } from '../../integrations/meta/graph-client';
import { retryableMediaFailure } from './media-errors';

/** `GET /{media-id}` (EXTERNAL-APIS §1.9); the URL is valid for 5 minutes, so every attempt asks again. */
interface MediaInfo {
  url?: string;
  mime_type?: string;
  sha256?: string;
  file_size?: number;
}

export interface DownloadRequest {
  tenantId: string;
  key: string;
  mediaId: string;
  phoneNumberId: string;
  token: string;
  maxBytes: number;
  /** The webhook's digest, checked besides the one Meta's metadata gives. */
  sha256?: string;
  mimeType?: string;
}

const METADATA_TIMEOUT_MS = 8_000;
export const DOWNLOAD_TIMEOUT_MS = 120_000;

class TooLarge extends Error {}

/** Fetches Meta's metadata, then streams the bytes into storage under `key`, capped and checksummed. */
export async function downloadMetaMedia(graph: GraphClient, storage: MediaStorage, req: DownloadRequest): Promise<StoredObject & { mimeType: string }> {
  const activity = currentActivity();
  const signal = activity?.cancellationSignal;
  if (!/^\d{1,64}$/.test(req.mediaId)) throw ApplicationFailure.nonRetryable(`Not a Meta media id: ${req.mediaId.slice(0, 80)}`, 'media_id_invalid');
  const info = await graph.request<MediaInfo>({ path: req.mediaId, token: req.token, query: { phone_number_id: req.phoneNumberId }, timeoutMs: METADATA_TIMEOUT_MS, signal });
  if (!info.url) throw retryableMediaFailure('Meta answered the media lookup without a download URL');
  if (info.file_size !== undefined && info.file_size > req.maxBytes) throw tooLarge(info.file_size, req.maxBytes);

  const timeout = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(downloadUrl(info.url, graph.baseUrl), {
      headers: { Authorization: `Bearer ${req.token}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    throw retryableMediaFailure(timeout.aborted ? 'The media download timed out' : `The media download failed: ${(err as Error).message}`);
  }
  if (!res.ok || !res.body) {
    // Even a 404 (an expired URL) is worth another attempt: the next one asks Meta for a fresh URL,
    // and if the media itself is gone that lookup fails for good.
    await res.body?.cancel();
    throw retryableMediaFailure(`The media download answered ${res.status}`, Number(res.headers.get('retry-after')) || undefined);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > req.maxBytes) {
    await res.body.cancel();
    throw tooLarge(declared, req.maxBytes);
  }

  const mimeType = info.mime_type ?? req.mimeType ?? res.headers.get('content-type') ?? 'application/octet-stream';
  let stored: StoredObject;
  try {
    const body = Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>);
    stored = await storage.put(req.tenantId, req.key, Readable.from(capped(body, req.maxBytes, () => activity?.heartbeat())), mimeType);
  } catch (err) {
    if (err instanceof TooLarge) throw tooLarge(err.message, req.maxBytes);
    throw retryableMediaFailure(timeout.aborted ? 'The media download timed out' : `The media download was cut off: ${(err as Error).message}`);
  }
  for (const expected of [info.sha256, req.sha256]) {
    const digest = expected && hexDigest(expected);
    if (digest && digest !== stored.sha256) {
      await storage.remove(req.tenantId, req.key);
      throw retryableMediaFailure('The downloaded media does not match its SHA-256; it was damaged on the way');
    }
  }
  return { ...stored, mimeType };
}

async function* capped(source: AsyncIterable<Buffer>, maxBytes: number, beat: () => void): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge(`more than ${maxBytes}`);
    beat();
    yield chunk;
  }
}

/** The number's token travels with this request, so it goes only over TLS, or to the configured Graph host (the sandbox). */
function downloadUrl(raw: string, graphBaseUrl: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url && (url.protocol === 'https:' || url.origin === new URL(graphBaseUrl).origin)) return url;
  throw ApplicationFailure.nonRetryable('Meta gave a media URL that is not HTTPS; it was not fetched', 'media_url_untrusted');
}

/** Meta documents hex; webhooks have been seen with base64. Unknown shapes are not checked. */
function hexDigest(value: string): string | undefined {
  if (/^[0-9a-f]{64}$/i.test(value)) return value.toLowerCase();
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 ? bytes.toString('hex') : undefined;
}

function tooLarge(size: number | string, maxBytes: number): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`The media is ${size} bytes; the limit is ${maxBytes}`, 'media_too_large');
}
