import { useState, type FormEvent } from 'react';
import type { TRole } from '@domain/auth';
import { ZInviteUserSchema, type TInviteUserResponse } from '@domain/users';
import { isApiError } from '../../api/api-error';
import { inviteUser } from '../../api/users';
import { Alert } from '../../components/alert';
import { SelectField } from '../../components/select-field';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormCheck } from '../forms/use-form-check';
import { roleOptions } from './role-options';

interface Props {
  onInvited(invite: TInviteUserResponse): void;
}

export function InviteForm({ onInvited }: Props) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<TRole>('agent');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZInviteUserSchema, { email, name, role }, { labels: { email: 'Email', name: 'Name', role: 'Role' } });
  const shown = { ...errors, ...check.errors };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZInviteUserSchema.safeParse({ email, name, role });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onInvited(await inviteUser(parsed.data));
      setEmail('');
      setName('');
      setRole('agent');
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['email', 'name', 'role']);
      const taken = isApiError(err) && err.code === 'email_taken';
      setErrors(taken ? { ...fields, email: 'Someone with this email already has an account.' } : fields);
      setAlert(taken ? null : alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate data-testid="invite-user-form">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="form__grid">
        <TextField name="invite-name" label="Name" value={name} error={shown.name} onChange={(e) => setName(e.target.value)} />
        <TextField name="invite-email" label="Email" type="email" value={email} error={shown.email} onChange={(e) => setEmail(e.target.value)} />
        <SelectField name="invite-role" label="Role" options={roleOptions} value={role} error={shown.role} onChange={(e) => setRole(e.target.value as TRole)} />
        <SubmitButton busy={busy} reason={check.reason} className="form__grid-button" data-testid="invite-submit">
          Send invite
        </SubmitButton>
      </div>
    </form>
  );
}
