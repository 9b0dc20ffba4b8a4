import { useState } from 'react';
import { formatPhoneNumber } from '@domain/phone-display';
import type { TWhatsappAccount } from '@domain/whatsapp';
import { setDefaultWhatsappAccount } from '../../api/whatsapp';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { describeError } from '../forms/error-messages';

interface Props {
  accounts: TWhatsappAccount[];
  onChanged(): void;
  onError(message: string): void;
}

const statusTone = { connected: 'green', pending: 'amber', token_expired: 'red', disconnected: 'neutral' } as const;
const statusLabel = { connected: 'Connected', pending: 'Pending', token_expired: 'Reconnect needed', disconnected: 'Disconnected' } as const;
const qualityTone = (q: string | null) => (q === 'GREEN' ? 'green' : q === 'YELLOW' ? 'amber' : q === 'RED' ? 'red' : 'neutral');

export function AccountsTable({ accounts, onChanged, onError }: Props) {
  const [busyId, setBusyId] = useState<string | null>(null);

  async function makeDefault(account: TWhatsappAccount) {
    setBusyId(account.id);
    try {
      await setDefaultWhatsappAccount(account.id);
      onChanged();
    } catch (err) {
      onError(`${formatPhoneNumber(account.displayPhoneNumber)}: ${describeError(err)}`);
    } finally {
      setBusyId(null);
    }
  }

  const columns: Column<TWhatsappAccount>[] = [
    {
      header: 'Number',
      cell: (a) => (
        <div className="member">
          <strong>{formatPhoneNumber(a.displayPhoneNumber)}</strong>
          <span className="muted">
            {a.verifiedName ?? 'No verified name yet'} · WABA {a.wabaId}
          </span>
        </div>
      ),
    },
    { header: 'Status', cell: (a) => <Badge tone={statusTone[a.status]}>{statusLabel[a.status]}</Badge> },
    { header: 'Quality', cell: (a) => <Badge tone={qualityTone(a.qualityRating)}>{a.qualityRating ?? 'Unknown'}</Badge> },
    {
      header: 'Default',
      hideHeader: true,
      className: 'table__actions',
      cell: (a) =>
        a.isDefault ? (
          <Badge tone="green">Default</Badge>
        ) : (
          <Button variant="secondary" size="sm" busy={busyId === a.id} disabled={a.status !== 'connected'} onClick={() => makeDefault(a)} data-testid="make-default">
            Make default
          </Button>
        ),
    },
  ];
  return (
    <DataTable rows={accounts} columns={columns} rowKey={(a) => a.id} rowProps={(a) => ({ 'data-testid': `whatsapp-account-${a.phoneNumberId}` })} testId="whatsapp-accounts" />
  );
}
