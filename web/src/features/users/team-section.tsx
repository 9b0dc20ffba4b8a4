import { useState } from 'react';
import type { TInviteUserResponse } from '@domain/users';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { useCurrentSession } from '../session/use-session';
import { InviteForm } from './invite-form';
import { InviteLink } from './invite-link';
import { MembersTable } from './members-table';
import { useTeamMembers } from './use-team-members';

/** Settings → Team: who is in the workspace, invitations, roles and deactivation. */
export function TeamSection() {
  const { user } = useCurrentSession();
  const team = useTeamMembers();
  const [invite, setInvite] = useState<TInviteUserResponse | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  return (
    <div className="stack" data-testid="team-section">
      <section className="card card--flat">
        <h2 className="card__title">Invite a teammate</h2>
        <p className="card__text">Admins manage settings, billing and the team. Agents work the inbox, contacts and deals.</p>
        <InviteForm
          onInvited={(created) => {
            team.upsert(created.user);
            setInvite(created);
          }}
        />
        {invite ? <InviteLink invite={invite} onDismiss={() => setInvite(null)} /> : null}
      </section>

      <section className="card card--flat">
        <h2 className="card__title">Members</h2>
        {rowError ? <Alert>{rowError}</Alert> : null}
        {team.error ? (
          <Alert title="Could not load the team">
            {team.error}{' '}
            <Button variant="ghost" size="sm" onClick={team.retry}>
              Try again
            </Button>
          </Alert>
        ) : null}
        <MembersTable
          members={team.members}
          currentUserId={user.id}
          onUpdated={(m) => {
            setRowError(null);
            team.upsert(m);
          }}
          onError={setRowError}
        />
        {team.loading ? <p className="muted">Loading members…</p> : null}
        {team.nextCursor && !team.loading ? (
          <Button variant="secondary" size="sm" onClick={team.loadMore}>
            Load more
          </Button>
        ) : null}
      </section>
    </div>
  );
}
