import { useState } from 'react';
import type { TRole } from '@domain/auth';
import type { TTeamMember, TUpdateUser } from '@domain/users';
import { updateUser } from '../../api/users';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { describeError } from '../forms/error-messages';
import { roleOptions } from './role-options';

interface Props {
  member: TTeamMember;
  isSelf: boolean;
  onUpdated(member: TTeamMember): void;
  onError(message: string): void;
}

const statusTone = { active: 'green', invited: 'amber', deactivated: 'neutral' } as const;

export function MemberRow({ member, isSelf, onUpdated, onError }: Props) {
  const [busy, setBusy] = useState(false);

  async function save(change: TUpdateUser) {
    setBusy(true);
    try {
      onUpdated(await updateUser(member.id, change));
    } catch (err) {
      onError(`${member.name}: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  }

  const deactivated = member.status === 'deactivated';
  return (
    <tr data-testid={`member-row-${member.email}`} className={deactivated ? 'is-muted' : undefined}>
      <td>
        <div className="member">
          <strong>
            {member.name}
            {isSelf ? <span className="muted"> (you)</span> : null}
          </strong>
          <span className="muted">{member.email}</span>
        </div>
      </td>
      <td>
        <select
          className="field__input field__input--compact"
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={isSelf || busy || deactivated}
          onChange={(e) => save({ role: e.target.value as TRole })}
          data-testid="member-role"
        >
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <Badge tone={statusTone[member.status]}>{member.status}</Badge>
      </td>
      <td className="table__actions">
        {isSelf ? null : deactivated ? (
          <Button variant="secondary" size="sm" busy={busy} onClick={() => save({ status: 'active' })} data-testid="member-reactivate">
            Reactivate
          </Button>
        ) : (
          <Button variant="danger" size="sm" busy={busy} onClick={() => save({ status: 'deactivated' })} data-testid="member-deactivate">
            Deactivate
          </Button>
        )}
      </td>
    </tr>
  );
}
