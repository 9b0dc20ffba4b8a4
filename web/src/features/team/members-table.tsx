import type { TTeamMember } from '@domain/users';
import { MemberRow } from './member-row';

interface Props {
  members: TTeamMember[];
  currentUserId: string;
  onUpdated(member: TTeamMember): void;
  onError(message: string): void;
}

export function MembersTable({ members, currentUserId, onUpdated, onError }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="members-table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow key={m.id} member={m} isSelf={m.id === currentUserId} onUpdated={onUpdated} onError={onError} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
