import { Link } from 'react-router';
import { useCurrentSession } from '../session/use-session';

const adminSteps = [
  { to: '/app/settings', title: 'Connect your WhatsApp number', text: 'Link a WhatsApp Business number in a few clicks.' },
  { to: '/app/contacts', title: 'Bring in your contacts', text: 'Import a CSV or let new chats create leads for you.' },
  { to: '/app/templates', title: 'Create a message template', text: 'Templates let you start conversations and broadcast.' },
  { to: '/app/settings/team', title: 'Invite your team', text: 'Add agents to share the inbox.' },
];

const agentSteps = [
  { to: '/app/inbox', title: 'Open the inbox', text: 'Pick up conversations assigned to you.' },
  { to: '/app/contacts', title: 'Browse contacts', text: 'See who your customers are and what they asked.' },
  { to: '/app/pipeline', title: 'Move deals forward', text: 'Keep the pipeline up to date as chats progress.' },
];

export function GettingStarted() {
  const { user } = useCurrentSession();
  const steps = user.role === 'admin' ? adminSteps : agentSteps;
  return (
    <article className="card card--wide" data-testid="getting-started">
      <h2 className="card__title">Get started</h2>
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={step.title}>
            <Link to={step.to} className="steps__item">
              <span className="steps__number">{i + 1}</span>
              <span>
                <strong>{step.title}</strong>
                <span className="steps__text">{step.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </article>
  );
}
