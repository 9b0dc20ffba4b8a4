import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/icon';
import { useSession } from '../session/use-session';

export function LogoutButton() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    await signOut();
    navigate('/login', { replace: true });
  }

  return (
    <button type="button" className="logout-button" onClick={onClick} disabled={busy} data-testid="logout-button" title="Log out">
      <Icon name="logout" />
      <span>Log out</span>
    </button>
  );
}
