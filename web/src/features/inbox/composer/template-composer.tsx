import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { SelectField } from '../../../components/select-field';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { describeError } from '../../forms/error-messages';
import { fillTemplate, templateText, variableNames } from './template-variables';
import { useApprovedTemplates } from './use-templates';

export interface TemplateChoice {
  name: string;
  language: string;
  variables: string[];
}

interface Props {
  phoneNumberId: string;
  onSend(template: TemplateChoice): Promise<void>;
}

const keyOf = (t: { name: string; language: string }) => `${t.name}|${t.language}`;

/** Outside the 24-hour window WhatsApp only delivers approved templates: pick one, fill its variables, send. */
export function TemplateComposer({ phoneNumberId, onSend }: Props) {
  const templates = useApprovedTemplates(phoneNumberId);
  const [chosenKey, setChosenKey] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (templates.status === 'loading') return <p className="muted composer">Loading templates…</p>;
  if (templates.status === 'error')
    return (
      <Alert title="Could not load your templates" testId="templates-error">
        {templates.message}
      </Alert>
    );
  if (templates.templates.length === 0) {
    return (
      <Alert tone="info" testId="templates-empty">
        This number has no approved template yet. Create one under Templates and wait for Meta’s approval.
      </Alert>
    );
  }

  const chosen = templates.templates.find((t) => keyOf(t) === chosenKey) ?? templates.templates[0];
  const names = variableNames(chosen);
  const firstMissing = names.findIndex((_, i) => !values[i]?.trim());
  const missing = firstMissing >= 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (missing) return setError('Fill in every variable first.');
    setBusy(true);
    setError(null);
    try {
      await onSend({ name: chosen.name, language: chosen.language, variables: names.map((_, i) => values[i].trim()) });
      setValues([]);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="composer composer--template" onSubmit={submit} noValidate data-testid="template-composer">
      {error ? <Alert testId="composer-error">{error}</Alert> : null}
      <SelectField
        name="template"
        label="Template"
        value={keyOf(chosen)}
        onChange={(e) => {
          setChosenKey(e.target.value);
          setValues([]);
        }}
        options={templates.templates.map((t) => ({ value: keyOf(t), label: `${t.name} · ${t.language} · ${t.category.toLowerCase()}` }))}
      />
      {names.length ? (
        <div className="composer__variables">
          {names.map((name, i) => (
            <TextField
              key={`${keyOf(chosen)}-${name}`}
              name={`template-variable-${i + 1}`}
              label={`{{${name}}}`}
              value={values[i] ?? ''}
              onChange={(e) => setValues((v) => Object.assign([...v], { [i]: e.target.value }))}
            />
          ))}
        </div>
      ) : null}
      <p className="composer__preview" data-testid="template-preview">
        {fillTemplate(templateText(chosen), names, values) || chosen.name}
      </p>
      <SubmitButton busy={busy} reason={missing ? `Fill in {{${names[firstMissing]}}} first` : null} data-testid="template-send">
        Send template
      </SubmitButton>
    </form>
  );
}
