import { z } from 'zod';
import { loadAiSettings, saveAiSettings } from '../../db/ai/settings';
import { deleteKnowledgeDocument, listKnowledgeDocuments } from '../../db/ai/knowledge-documents';
import { searchKnowledge } from '../../db/ai/knowledge-search';
import { withTenant } from '../../db/tenant-transaction';
import {
  ZAiSettingsSchema,
  ZAiSettingsUpdateSchema,
  ZKnowledgeDocumentCreateSchema,
  ZKnowledgeDocumentSchema,
  ZKnowledgePassageSchema,
  ZKnowledgeSearchQuerySchema,
  ZAiTestQuestionSchema,
  ZAiTestResultSchema,
} from '../../domain/ai';
import { ZIdParamSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { createKnowledgeDocument } from './create-knowledge-document';
import { KNOWLEDGE_UPLOAD_PATH, KNOWLEDGE_UPLOADS_PER_TENANT, readKnowledgeBody } from './read-knowledge-body';
import { TenantConcurrency } from '../http/tenant-concurrency';
import { recordAudit } from '../audit/record-audit';
import { createGeminiClient } from '../../integrations/gemini/client';
import { testAiQuestion } from './test-question';

/** Each test question is a Gemini call: a few at a time per workspace is plenty for people typing. */
const AI_TESTS_PER_TENANT = 2;

/** The AI agent's settings and knowledge base: agents may read them (to see what the AI knows), admins change them. */
export function registerAiRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'ai';
  const knowledgeUploads = new TenantConcurrency(KNOWLEDGE_UPLOADS_PER_TENANT, 'knowledge uploads (read and PDF parse)');
  const aiTests = new TenantConcurrency(AI_TESTS_PER_TENANT, 'AI test questions');
  const gemini = createGeminiClient(deps.config.gemini);
  const tenantTx = <T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(deps.db.app, tenantId, work);

  routes.add(
    { method: 'get', path: '/ai/settings', tag, summary: "The AI agent's settings (the defaults until an admin saves them)", access: 'user', response: ZAiSettingsSchema },
    async ({ auth }) => tenantTx(auth.tenantId, loadAiSettings),
  );
  routes.add(
    {
      method: 'put',
      path: '/ai/settings',
      tag,
      summary: 'Change the AI agent settings; fields left out keep their value',
      errors: ['unprocessable'],
      access: 'admin',
      body: ZAiSettingsUpdateSchema,
      response: ZAiSettingsSchema,
    },
    async ({ auth, body, ctx }) =>
      tenantTx(auth.tenantId, async (trx) => {
        const saved = await saveAiSettings(trx, auth.tenantId, body);
        await recordAudit(trx, auth, 'ai_settings.updated', { fields: Object.keys(body).sort() }, ctx.ip);
        return saved;
      }),
  );

  routes.add(
    {
      method: 'get',
      path: '/ai/knowledge',
      tag,
      summary: 'Knowledge base documents, newest first',
      access: 'user',
      response: z.object({ data: z.array(ZKnowledgeDocumentSchema) }),
    },
    async ({ auth }) => ({ data: await tenantTx(auth.tenantId, listKnowledgeDocuments) }),
  );
  routes.add(
    {
      method: 'post',
      path: KNOWLEDGE_UPLOAD_PATH,
      tag,
      summary:
        'Add a document the AI may quote: text, markdown (its syntax is stripped) or pdf (content = the file in base64; its text is extracted). 422 when there is no text to read',
      access: 'admin',
      before: [knowledgeUploads.middleware(), readKnowledgeBody],
      errors: ['unprocessable'],
      body: ZKnowledgeDocumentCreateSchema,
      response: ZKnowledgeDocumentSchema,
      status: 201,
    },
    async ({ auth, body }) => createKnowledgeDocument(deps.db, auth, body),
  );
  routes.add(
    {
      method: 'get',
      path: '/ai/knowledge/search',
      tag,
      summary: 'The passages the AI would quote for a question, best first',
      access: 'user',
      query: ZKnowledgeSearchQuerySchema,
      response: z.object({ data: z.array(ZKnowledgePassageSchema) }),
    },
    async ({ auth, query }) => ({ data: await tenantTx(auth.tenantId, (trx) => searchKnowledge(trx, query.q, query.limit)) }),
  );
  routes.add(
    {
      method: 'post',
      path: '/ai/test-question',
      tag,
      summary:
        'Ask the AI agent a question as a customer would: its reply, confidence and intent, and whether the guardrails would send it or hand off (and why). Nothing is sent; the tokens are metered as ai_tokens, not as an AI reply',
      access: 'user',
      before: [aiTests.middleware()],
      errors: ['rate_limited', 'unavailable'],
      body: ZAiTestQuestionSchema,
      response: ZAiTestResultSchema,
    },
    async ({ auth, body }) => testAiQuestion({ db: deps.db, gemini }, auth, body.question),
  );
  routes.add(
    {
      method: 'delete',
      path: '/ai/knowledge/:id',
      tag,
      summary: 'Remove a document and its passages from the knowledge base',
      access: 'admin',
      params: ZIdParamSchema,
      status: 204,
    },
    async ({ auth, params }) => tenantTx(auth.tenantId, (trx) => deleteKnowledgeDocument(trx, params.id)),
  );
}
