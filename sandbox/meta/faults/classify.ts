import type { SimStore } from '../state/store';
import { GRAPH_OPERATIONS, type GraphOperation } from './fault-spec';

export interface GraphCall {
  operation: GraphOperation;
  nodeId?: string;
  /** The phone number this call concerns, resolved through media ids too. */
  phoneNumberId?: string;
}

const VERSION = /^v\d+\.\d+$/;

/** Which Graph call a path is, for fault matching and the request log; undefined for /_sim and the dialog page. */
export function classifyGraphPath(store: SimStore, path: string, query: Record<string, unknown>): GraphCall | undefined {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'whatsapp_business' && segments[1] === 'attachments') {
    const media = store.media.get(String(query.mid ?? ''));
    return { operation: 'media_download', nodeId: media?.id, phoneNumberId: media?.phoneNumberId };
  }
  if (!VERSION.test(segments[0] ?? '') || segments[1] === 'dialog') return undefined;
  if (segments[1] === 'oauth' && segments[2] === 'access_token') return { operation: 'access_token' };
  if (segments[1] === 'debug_token') return { operation: 'debug_token' };
  const nodeId = segments[1];
  const edge = segments[2];
  const operation = edge && (GRAPH_OPERATIONS as readonly string[]).includes(edge) ? (edge as GraphOperation) : 'node';
  const phoneNumberId = nodeId && store.phones.has(nodeId) ? nodeId : nodeId ? store.media.get(nodeId)?.phoneNumberId : undefined;
  return { operation, nodeId, phoneNumberId };
}
