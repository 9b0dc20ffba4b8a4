import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { searchAttributeNames, type WorkflowKind } from '../domain/contracts';

/** Search attributes let an admin find every workflow of a tenant in Temporal UI; never PII. */
export const tenantIdKey = defineSearchAttributeKey(searchAttributeNames.tenantId, SearchAttributeType.KEYWORD);
export const kindKey = defineSearchAttributeKey(searchAttributeNames.kind, SearchAttributeType.KEYWORD);

/** The only way a start request gets its search attributes: the tenant and the workflow's kind. */
export function tenantSearchAttributes(tenantId: string, kind: WorkflowKind): SearchAttributePair[] {
  return [
    { key: tenantIdKey, value: tenantId },
    { key: kindKey, value: kind },
  ];
}
