import { useQuery } from '@tanstack/react-query';
import type { TPickerTemplate } from '@domain/whatsapp-templates';
import { listTemplates } from '../../../api/templates';
import { queryKeys } from '../../../lib/query-keys';
import { queryState } from '../../../lib/query-state';
import { describeError } from '../../forms/error-messages';

type TemplatesState = { status: 'loading' } | { status: 'ready'; templates: TPickerTemplate[] } | { status: 'error'; message: string };

const approved = (all: TPickerTemplate[]) => all.filter((t) => t.status.toUpperCase() === 'APPROVED');

/** The approved templates of the conversation's number: only those can be sent (SPEC §2.9). */
export function useApprovedTemplates(phoneNumberId: string): TemplatesState {
  const loaded = queryState(useQuery({ queryKey: queryKeys.templates(phoneNumberId), queryFn: () => listTemplates(phoneNumberId), select: approved }));
  if (loaded.status === 'ready') return { status: 'ready', templates: loaded.data };
  if (loaded.status === 'error') return { status: 'error', message: describeError(loaded.error) };
  return loaded;
}
