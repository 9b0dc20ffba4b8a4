import { useState, type FormEvent } from 'react';
import { ZAiTestQuestionSchema, type TAiTestResult } from '@domain/ai';
import { testAiQuestion } from '../../../api/ai';
import { Alert } from '../../../components/alert';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { describeError } from '../../forms/error-messages';
import { zodFieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';
import { KnowledgeTestResult } from './knowledge-test-result';

/** Ask what a customer would: the AI agent answers for real (nothing is sent) and the guardrails judge it. */
export function KnowledgeTestBox() {
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TAiTestResult | null>(null);
  const check = useFormCheck(ZAiTestQuestionSchema, { question });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZAiTestQuestionSchema.safeParse({ question });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).question ?? 'Type a question.');
    setError(undefined);
    setBusy(true);
    try {
      setResult(await testAiQuestion(parsed.data.question));
    } catch (err) {
      setAlert(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack knowledge-test" data-testid="knowledge-test">
      <form className="form form--search" onSubmit={onSubmit} noValidate>
        <TextField
          name="knowledge-question"
          label="Customer question"
          value={question}
          error={check.errors.question ?? error}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="e.g. Can I return a kurta after a week?"
        />
        <SubmitButton variant="secondary" busy={busy} reason={check.reason} className="form__grid-button" data-testid="knowledge-test-submit">
          Ask the AI
        </SubmitButton>
      </form>
      {alert ? <Alert>{alert}</Alert> : null}
      {result ? <KnowledgeTestResult result={result} /> : null}
    </div>
  );
}
