import { useState, type FormEvent } from 'react';
import { ZCloudInitSchema, type TWhatsappAccount } from '@domain/whatsapp';
import { initCloudNumber } from '../../api/whatsapp';
import { Alert } from '../../components/alert';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormCheck } from '../forms/use-form-check';

const empty = { wabaId: '', phoneNumberId: '', accessToken: '', pin: '' };
const fields = ['wabaId', 'phoneNumberId', 'accessToken', 'pin'] as const;
const labels = { wabaId: 'WABA ID', phoneNumberId: 'Phone number ID', accessToken: 'Access token', pin: 'Two-step PIN' };

/** A number already on the Cloud API, added with a system-user token from Meta Business Manager. */
export function CloudInitForm({ onConnected }: { onConnected(account: TWhatsappAccount): void }) {
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = { ...values, pin: values.pin || undefined };
  const check = useFormCheck(ZCloudInitSchema, input, { labels });
  const shown = { ...errors, ...check.errors };
  const set = (name: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZCloudInitSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onConnected(await initCloudNumber(parsed.data));
      setValues(empty);
    } catch (err) {
      const result = formErrorsFrom(err, fields);
      setErrors(result.fields);
      setAlert(result.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="cloud-init-form">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="form__grid">
        <TextField name="waba-id" label="WABA ID" inputMode="numeric" value={values.wabaId} error={shown.wabaId} onChange={set('wabaId')} />
        <TextField name="phone-number-id" label="Phone number ID" inputMode="numeric" value={values.phoneNumberId} error={shown.phoneNumberId} onChange={set('phoneNumberId')} />
        <TextField
          name="access-token"
          label="Access token"
          type="password"
          autoComplete="off"
          value={values.accessToken}
          error={shown.accessToken}
          onChange={set('accessToken')}
          hint="A system-user token; it is stored encrypted and never shown again."
        />
        <TextField name="pin" label="Two-step PIN (optional)" inputMode="numeric" maxLength={6} value={values.pin} error={shown.pin} onChange={set('pin')} />
        <SubmitButton busy={busy} reason={check.reason} className="form__grid-button" data-testid="cloud-init-submit">
          Add number
        </SubmitButton>
      </div>
    </form>
  );
}
