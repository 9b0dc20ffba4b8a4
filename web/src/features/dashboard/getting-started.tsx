import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TOnboardingStep } from '@domain/onboarding';
import { fetchOnboardingChecklist } from '../../api/onboarding';
import { Icon } from '../../components/icon';
import { queryKeys } from '../../lib/query-keys';
import { useCurrentSession } from '../session/use-session';

interface StepCopy {
  to: string;
  title: string;
  text: string;
  /** Only admins can open the page that does it; agents see the step without a link. */
  adminOnly: boolean;
}

/** Each step opens the screen that does it; every one of them exists today (no "coming soon" dead ends). */
const stepCopy: Record<TOnboardingStep, StepCopy> = {
  whatsapp_connected: { to: '/app/settings/whatsapp', title: 'Connect your WhatsApp number', text: 'Link a WhatsApp Business number in a few clicks.', adminOnly: true },
  teammate_invited: { to: '/app/settings/team', title: 'Invite your team', text: 'Add agents to share the inbox.', adminOnly: true },
  ai_enabled: { to: '/app/settings/ai', title: 'Turn on the AI agent', text: 'Let the AI answer from your knowledge base and hand off when unsure.', adminOnly: true },
  first_reply_sent: { to: '/app/inbox', title: 'Reply to a customer', text: 'Answer a conversation from the inbox.', adminOnly: false },
  plan_chosen: { to: '/app/billing', title: 'Choose a plan', text: 'Keep everything running after the free trial.', adminOnly: true },
};

/** The "Get started" checklist: ticked from what the workspace has really done (GET /onboarding/checklist). */
export function GettingStarted() {
  const { user } = useCurrentSession();
  const { data, isError } = useQuery({ queryKey: queryKeys.onboardingChecklist, queryFn: fetchOnboardingChecklist });
  const isAdmin = user.role === 'admin';
  return (
    <article className="card card--wide" data-testid="getting-started">
      <h2 className="card__title">
        Get started
        {data ? (
          <span className="steps__progress" data-testid="getting-started-progress">
            {data.completed} of {data.total} done
          </span>
        ) : null}
      </h2>
      {isError ? <p className="card__text">The checklist could not be loaded; reload the page to try again.</p> : null}
      <ol className="steps">
        {(data?.steps ?? []).map((step, i) => {
          const copy = stepCopy[step.id];
          const body = (
            <>
              <span className={step.done ? 'steps__number steps__number--done' : 'steps__number'} aria-label={step.done ? 'Done' : `Step ${i + 1}`}>
                {step.done ? <Icon name="check" size={14} /> : i + 1}
              </span>
              <span>
                <strong>{copy.title}</strong>
                <span className="steps__text">{copy.adminOnly && !isAdmin ? 'An admin of this workspace does this.' : copy.text}</span>
              </span>
            </>
          );
          return (
            <li key={step.id} data-testid={`step-${step.id}`} data-done={step.done ? 'true' : 'false'}>
              {copy.adminOnly && !isAdmin ? (
                <div className="steps__item steps__item--static">{body}</div>
              ) : (
                <Link to={copy.to} className="steps__item">
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
