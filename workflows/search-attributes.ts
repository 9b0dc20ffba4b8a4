import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { searchAttributeNames, type WorkflowKind } from '../domain/contracts';

/** Search attributes let an admin find every workflow of a tenant in Temporal UI; never PII. */
export const tenantIdKey = defineSearchAttributeKey(searchAttributeNames.tenantId, SearchAttributeType.KEYWORD);
export const kindKey = defineSearchAttributeKey(searchAttributeNames.kind, SearchAttributeType.KEYWORD);

export function kindSearchAttribute(kind: WorkflowKind) {
  return { key: kindKey, value: kind };
}
