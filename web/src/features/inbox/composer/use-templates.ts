import { useEffect, useState } from 'react';
import type { TPickerTemplate } from '@domain/whatsapp-templates';
import { listTemplates } from '../../../api/templates';
import { describeError } from '../../forms/error-messages';

type TemplatesState = { status: 'loading' } | { status: 'ready'; templates: TPickerTemplate[] } | { status: 'error'; message: string };

/** The approved templates of the conversation's number: only those can be sent (SPEC §2.9). */
export function useApprovedTemplates(phoneNumberId: string): TemplatesState {
  const [state, setState] = useState<TemplatesState>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    setState({ status: 'loading' });
    listTemplates(phoneNumberId).then(
      (all) => active && setState({ status: 'ready', templates: all.filter((t) => t.status.toUpperCase() === 'APPROVED') }),
      (err: unknown) => active && setState({ status: 'error', message: describeError(err) }),
    );
    return () => {
      active = false;
    };
  }, [phoneNumberId]);
  return state;
}
