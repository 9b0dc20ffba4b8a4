import type { TAiTestResult } from '@domain/ai';
import { Alert } from '../../../components/alert';
import { handoffText } from '../../inbox/conversation-text';

/** Why the guardrails would hand the question to people, with the numbers behind a low confidence. */
export function verdictText(result: TAiTestResult): string {
  if (result.decision.action === 'reply') return 'The AI would send this reply.';
  const reason = result.decision.reason ?? '';
  const why =
    reason === 'low_confidence' && result.answer
      ? `its confidence ${result.answer.confidence.toFixed(2)} is below your threshold ${result.confidenceThreshold.toFixed(2)}`
      : handoffText(reason).replace(/^./, (c) => c.toLowerCase());
  return `The AI would hand this to your team: ${why}.`;
}

/** The AI's answer to a test question, the guardrails' verdict, and the passages it was given. */
export function KnowledgeTestResult({ result }: { result: TAiTestResult }) {
  const sends = result.decision.action === 'reply';
  return (
    <div className="stack knowledge-test__result" data-testid="knowledge-test-result" data-question={result.question}>
      {!result.aiEnabled || !result.aiOnDuty ? (
        <Alert tone="info" testId="knowledge-test-ai-off">
          {!result.aiEnabled
            ? 'The AI agent is off: customers get no AI answer until you turn it on in Settings → AI agent. This is what it would do.'
            : 'The AI is off duty right now (its hours in Settings → AI agent). This is what it would do on duty.'}
        </Alert>
      ) : null}
      {result.answer ? (
        <div className={sends ? 'ai-answer' : 'ai-answer ai-answer--held'} data-testid="knowledge-test-answer">
          <p className="ai-answer__reply" data-testid="knowledge-test-reply">
            {result.answer.reply}
          </p>
          <dl className="ai-answer__facts">
            <dt>Confidence</dt>
            <dd data-testid="knowledge-test-confidence">
              {result.answer.confidence.toFixed(2)} <span className="muted">(threshold {result.confidenceThreshold.toFixed(2)})</span>
            </dd>
            <dt>Intent</dt>
            <dd data-testid="knowledge-test-intent">{result.answer.intent}</dd>
          </dl>
        </div>
      ) : null}
      <Alert tone={sends ? 'success' : 'warning'} testId="knowledge-test-decision">
        {verdictText(result)}
      </Alert>
      {result.passages.length === 0 ? (
        <p className="muted" data-testid="knowledge-test-empty">
          Nothing in the knowledge base matches “{result.question}”.
        </p>
      ) : (
        <>
          <p className="muted">What the AI was given to answer from:</p>
          <ol className="passages" data-testid="knowledge-passages">
            {result.passages.map((p, i) => (
              <li key={`${p.documentId}-${i}`} className="passage" data-testid="knowledge-passage">
                <p className="passage__source">
                  <strong>{p.title}</strong>
                </p>
                <p className="passage__text">{p.content}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
