import { createGraphClient, GraphError, type GraphClient } from '../../integrations/meta/graph-client';
import { openWhatsappToken } from '../../db/crypto/sealed-columns';
import { withTenant } from '../../db/tenant-transaction';
import { findAccountByNumberOrDefault } from '../../db/whatsapp/accounts';
import { AppError } from '../../domain/errors';
import { bodyVariableCount, type TPickerTemplate } from '../../domain/whatsapp-templates';
import type { ApiDeps } from '../deps';

interface GraphTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  components?: Record<string, unknown>[];
}
interface GraphTemplatePage {
  data: GraphTemplate[];
  paging?: { cursors?: { after?: string }; next?: string };
}

const PAGE_SIZE = 100;
/** Meta caps a verified business at 6,000 templates; the picker stops well before a runaway loop. */
const MAX_PAGES = 60;

/**
 * The approved templates of a number's WABA, read live from Meta so the picker never offers one that
 * was paused or rejected since. A read-only pass-through: nothing is stored, so no workflow is involved.
 */
export async function listApprovedTemplates(deps: ApiDeps, tenantId: string, phoneNumberId: string | undefined): Promise<TPickerTemplate[]> {
  const account = await withTenant(deps.db.app, tenantId, (trx) => findAccountByNumberOrDefault(trx, phoneNumberId));
  if (!account && phoneNumberId) throw new AppError('not_found', 'No WhatsApp number with this id is connected to the workspace');
  if (!account) throw new AppError('no_whatsapp_number', 'Connect a WhatsApp number first (Settings → WhatsApp)');
  if (account.status === 'token_expired') throw tokenRejected();
  const token = openWhatsappToken(deps.config.encryptionKeys, tenantId, account.token);

  const graph = createGraphClient(deps.config.meta);
  const templates: GraphTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await readPage(graph, account.wabaId, token, after);
    templates.push(...result.data);
    after = result.paging?.next ? result.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return templates
    .filter((t) => t.status === 'APPROVED')
    .map((t) => ({ name: t.name, language: t.language, category: t.category, status: t.status, components: t.components ?? [], variables: bodyVariableCount(t.components ?? []) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
}

async function readPage(graph: GraphClient, wabaId: string, token: string, after: string | undefined): Promise<GraphTemplatePage> {
  try {
    return await graph.request<GraphTemplatePage>({
      path: `${wabaId}/message_templates`,
      token,
      query: { status: 'APPROVED', fields: 'name,language,category,status,components', limit: String(PAGE_SIZE), after },
    });
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    if (err.code === 190) throw tokenRejected();
    if (err.kind !== 'graph' || err.httpStatus >= 500 || err.httpStatus === 429) {
      throw new AppError('whatsapp_meta_unavailable', 'Meta is not answering right now; try again in a minute');
    }
    throw new AppError('whatsapp_meta_rejected', `Meta refused to list the templates: ${err.message}`);
  }
}

const tokenRejected = () => new AppError('whatsapp_token_invalid', "Meta no longer accepts this number's access token; reconnect the number under Settings → WhatsApp");
