import { useState, type FormEvent } from 'react';
import { ZLabelCreateSchema, type TLabel } from '@domain/inbox';
import { isApiError } from '../../../api/api-error';
import { createLabel } from '../../../api/labels';
import { Alert } from '../../../components/alert';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';

const fields = ['name', 'color'] as const;

/** A new label: a name and a colour (#rrggbb). */
export function LabelForm({ onCreated }: { onCreated(label: TLabel): void }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#00a884');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZLabelCreateSchema, { name, color }, { labels: { name: 'Name', color: 'Colour' } });
  const shown = { ...errors, ...check.errors };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZLabelCreateSchema.safeParse({ name, color });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      onCreated(await createLabel(parsed.data));
      setName('');
    } catch (err) {
      const result = formErrorsFrom(err, fields);
      const taken = isApiError(err) && err.code === 'conflict';
      setErrors(taken ? { ...result.fields, name: 'A label with this name already exists.' } : result.fields);
      setAlert(taken ? null : result.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="label-form">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="label-form__grid">
        <TextField name="label-name" label="Name" value={name} error={shown.name} onChange={(e) => setName(e.target.value)} placeholder="e.g. VIP" maxLength={40} />
        <TextField name="label-color" label="Colour" type="color" className="label-form__color" value={color} error={shown.color} onChange={(e) => setColor(e.target.value)} />
        <SubmitButton busy={busy} reason={check.reason} className="form__grid-button" data-testid="label-submit">
          Add label
        </SubmitButton>
      </div>
    </form>
  );
}
