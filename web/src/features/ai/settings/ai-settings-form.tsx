import { useState, type FormEvent } from 'react';
import { backwardBusinessDays, ZAiSettingsUpdateSchema, type TAiSettings } from '@domain/ai';
import { HANDOFF_MESSAGE_MAX, handoffMessageProblems, suggestedHandoffMessage, suggestedOutOfHoursMessage } from '@domain/handoff-message';
import { saveAiSettings } from '../../../api/ai';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { SelectField } from '../../../components/select-field';
import { SubmitButton } from '../../../components/submit-button';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { ToggleField } from '../../../components/toggle-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';
import { aiSettingsFields, defaultBusinessHours, errorFor, fromValues, toValues, type AiSettingsValues } from './ai-settings-values';
import { BusinessHoursEditor } from './business-hours-editor';
import { IntentsInput } from './intents-input';

const labels = {
  persona: 'Persona and instructions',
  confidenceThreshold: 'Confidence needed to reply',
  maxRepliesPerConversation: 'AI replies per conversation',
  blockedIntents: 'Always hand to a person when the intent is',
  activeHours: 'When the AI answers',
  businessHours: 'Business hours',
  handoffMessage: 'Message after a hand-off',
  outOfHoursMessage: 'Message after a hand-off outside business hours',
};

/** Rules the schema cannot express: hours that close before they open, blank hand-off messages. */
function ruleProblems(values: AiSettingsValues, update: Record<string, unknown>) {
  return [...backwardBusinessDays(values.businessHours), ...handoffMessageProblems(update as Partial<TAiSettings>)];
}

const activeHoursOptions = [
  { value: 'always', label: 'Always' },
  { value: 'within_business_hours', label: 'Only within business hours' },
  { value: 'outside_business_hours', label: 'Only outside business hours (your team covers the day)' },
];

/** GET/PUT /ai/settings: what the AI agent may do, checked here with the API's own schema first. */
export function AiSettingsForm({ initial }: { initial: TAiSettings }) {
  const [values, setValues] = useState<AiSettingsValues>(() => toValues(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const update = fromValues(values);
  const check = useFormCheck(ZAiSettingsUpdateSchema, update, { extra: ruleProblems(values, update), labels });
  const shown = { ...errors, ...check.errors };
  const set = <K extends keyof AiSettingsValues>(key: K, value: AiSettingsValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    setSaved(false);
    const parsed = ZAiSettingsUpdateSchema.safeParse(update);
    const rules = ruleProblems(values, update);
    const backwardDays = Object.fromEntries(rules.map((p) => [p.path, p.message]));
    if (!parsed.success || Object.keys(backwardDays).length) return setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...backwardDays });
    setErrors({});
    setBusy(true);
    try {
      const settings = await saveAiSettings(parsed.data);
      setValues(toValues(settings));
      setSaved(true);
    } catch (err) {
      const result = formErrorsFrom(err, aiSettingsFields);
      setErrors(result.fields);
      setAlert(result.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form ai-settings" onSubmit={onSubmit} noValidate data-testid="ai-settings-form">
      {alert ? <Alert>{alert}</Alert> : null}
      {Object.keys(shown).length && !alert ? <Alert>Some fields need your attention.</Alert> : null}
      <ToggleField
        name="ai-enabled"
        label="The AI agent answers customers"
        checked={values.enabled}
        onChange={(v) => set('enabled', v)}
        hint="When off, every new message waits for your team."
      />
      <TextAreaField
        name="persona"
        label="Persona and instructions"
        rows={5}
        value={values.persona}
        error={shown.persona}
        onChange={(e) => set('persona', e.target.value)}
        placeholder="You are Asha from Acme Fashion. Answer briefly and warmly, in the customer's language…"
        hint="How the AI presents itself and what it should or should not say. It answers only from your knowledge base."
      />
      <div className="form__pair">
        <TextField
          name="confidence-threshold"
          label="Confidence needed to reply"
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.05}
          value={values.confidenceThreshold}
          error={shown.confidenceThreshold}
          onChange={(e) => set('confidenceThreshold', e.target.value)}
          hint="0 to 1. Below this the AI hands the conversation to a person (default 0.7)."
        />
        <TextField
          name="max-replies"
          label="AI replies per conversation"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={values.maxRepliesPerConversation}
          error={shown.maxRepliesPerConversation}
          onChange={(e) => set('maxRepliesPerConversation', e.target.value)}
          hint="After this many, a person takes over (default 5)."
        />
      </div>
      <IntentsInput value={values.blockedIntents} error={errorFor(shown, 'blockedIntents')} onChange={(v) => set('blockedIntents', v)} />
      <SelectField
        name="active-hours"
        label="When the AI answers"
        options={activeHoursOptions}
        value={values.activeHours}
        error={shown.activeHours}
        onChange={(e) => set('activeHours', e.target.value as AiSettingsValues['activeHours'])}
      />
      <fieldset className="ai-settings__hours">
        <legend className="field__label">Business hours</legend>
        {shown.businessHours ? (
          <p className="field__error" data-testid="business-hours-error">
            {shown.businessHours}
          </p>
        ) : null}
        {values.businessHours ? (
          <>
            <BusinessHoursEditor value={values.businessHours} errors={shown} onChange={(v) => set('businessHours', v)} />
            <div>
              <Button variant="ghost" size="sm" onClick={() => set('businessHours', null)} data-testid="business-hours-remove">
                Remove business hours
              </Button>
            </div>
          </>
        ) : (
          <div>
            <p className="field__hint">No business hours set.</p>
            <Button variant="secondary" size="sm" onClick={() => set('businessHours', defaultBusinessHours())} data-testid="business-hours-add">
              Set business hours
            </Button>
          </div>
        )}
      </fieldset>
      <TextAreaField
        name="handoff-message"
        label="Message after a hand-off"
        rows={2}
        value={values.handoffMessage}
        error={shown.handoffMessage}
        onChange={(e) => set('handoffMessage', e.target.value)}
        placeholder={suggestedHandoffMessage}
        hint={`Sent to the customer when the AI hands them to your team (up to ${HANDOFF_MESSAGE_MAX} characters). Leave empty to send nothing.`}
      />
      <TextAreaField
        name="out-of-hours-message"
        label="Message after a hand-off outside business hours"
        rows={2}
        value={values.outOfHoursMessage}
        error={shown.outOfHoursMessage}
        onChange={(e) => set('outOfHoursMessage', e.target.value)}
        placeholder={suggestedOutOfHoursMessage}
        hint="Sent instead while your team is offline (business hours set and closed). Leave empty to send the message above."
      />
      {saved ? (
        <Alert tone="success" testId="ai-settings-saved">
          Saved. The AI agent uses these settings from the next message on.
        </Alert>
      ) : null}
      <div>
        <SubmitButton busy={busy} reason={check.reason} data-testid="ai-settings-save">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
