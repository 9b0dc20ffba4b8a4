import { useState } from 'react';
import type { TRole } from '@domain/auth';
import type { TTeamMember, TUpdateUser } from '@domain/users';
import { updateUser } from '../../api/users';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { describeError } from '../forms/error-messages';
import { roleOptions } from './role-options';

interface Props {
  members: TTeamMember[];
  currentUserId: string;
  onUpdated(member: TTeamMember): void;
  onError(message: string): void;
}

const statusTone = { active: 'green', invited: 'amber', deactivated: 'neutral' } as const;

export function MembersTable({ members, currentUserId, onUpdated, onError }: Props) {
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());

  async function save(member: TTeamMember, change: TUpdateUser) {
    setBusyIds((ids) => new Set(ids).add(member.id));
    try {
      onUpdated(await updateUser(member.id, change));
    } catch (err) {
      onError(`${member.name}: ${describeError(err)}`);
    } finally {
      setBusyIds((ids) => {
        const next = new Set(ids);
        next.delete(member.id);
        return next;
      });
    }
  }

  const isSelf = (m: TTeamMember) => m.id === currentUserId;
  const deactivated = (m: TTeamMember) => m.status === 'deactivated';
  const columns: Column<TTeamMember>[] = [
    {
      header: 'Member',
      cell: (m) => (
        <div className="member">
          <strong>
            {m.name}
            {isSelf(m) ? <span className="muted"> (you)</span> : null}
          </strong>
          <span className="muted">{m.email}</span>
        </div>
      ),
    },
    {
      header: 'Role',
      cell: (m) => (
        <select
          className="field__input field__input--compact"
          aria-label={`Role of ${m.name}`}
          value={m.role}
          disabled={isSelf(m) || busyIds.has(m.id) || deactivated(m)}
          onChange={(e) => save(m, { role: e.target.value as TRole })}
          data-testid="member-role"
        >
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ),
    },
    { header: 'Status', cell: (m) => <Badge tone={statusTone[m.status]}>{m.status}</Badge> },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'table__actions',
      cell: (m) =>
        isSelf(m) ? null : deactivated(m) ? (
          <Button variant="secondary" size="sm" busy={busyIds.has(m.id)} onClick={() => save(m, { status: 'active' })} data-testid="member-reactivate">
            Reactivate
          </Button>
        ) : (
          <Button variant="danger" size="sm" busy={busyIds.has(m.id)} onClick={() => save(m, { status: 'deactivated' })} data-testid="member-deactivate">
            Deactivate
          </Button>
        ),
    },
  ];

  return (
    <DataTable
      rows={members}
      columns={columns}
      rowKey={(m) => m.id}
      rowProps={(m) => ({ 'data-testid': `member-row-${m.email}`, className: deactivated(m) ? 'is-muted' : undefined })}
      testId="members-table"
    />
  );
}
