import type { Teammate } from './use-team-options';

interface Props {
  assignedTo: string | null;
  team: Teammate[];
  currentUserId: string;
  disabled?: boolean;
  onAssign(userId: string | null): void;
}

/** Assignment as a compact select: unassigned, then the team with "you" marked. */
export function AssignSelect({ assignedTo, team, currentUserId, disabled, onAssign }: Props) {
  const known = assignedTo === null || team.some((t) => t.id === assignedTo);
  return (
    <select
      className="field__input field__input--compact"
      aria-label="Assign to"
      value={assignedTo ?? ''}
      disabled={disabled}
      onChange={(e) => onAssign(e.target.value || null)}
      data-testid="conversation-assign"
    >
      <option value="">Unassigned</option>
      {team.map((t) => (
        <option key={t.id} value={t.id}>
          {t.id === currentUserId ? `${t.name} (you)` : t.name}
        </option>
      ))}
      {known ? null : <option value={assignedTo!}>A teammate</option>}
    </select>
  );
}
