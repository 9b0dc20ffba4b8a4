import type { ReactNode } from 'react';
import type { TPlan } from '@domain/billing';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icon';
import { formatCount, formatMoney } from '../../lib/format';

interface Props {
  plan: TPlan;
  current: boolean;
  /** The button row (subscribe, switch, confirm); nothing for read-only viewers. */
  children?: ReactNode;
}

export function PlanCard({ plan, current, children }: Props) {
  const { limits } = plan;
  const rows = [
    `${formatCount(limits.messagesPerMonth)} messages / month`,
    `${formatCount(limits.aiRepliesPerMonth)} AI replies / month`,
    `${formatCount(limits.agents)} team members`,
    `${formatCount(limits.broadcastsPerDay)} broadcasts / day`,
  ];
  return (
    <article className={`plan-card${current ? ' plan-card--current' : ''}`} data-testid={`plan-card-${plan.id}`}>
      <header className="plan-card__head">
        <h3 className="plan-card__name">{plan.name}</h3>
        {current ? <Badge tone="green">Current plan</Badge> : null}
      </header>
      <p className="plan-card__price" data-testid={`plan-price-${plan.id}`}>
        {formatMoney(plan.amount, plan.currency)} <span>/ {plan.interval}</span>
      </p>
      <ul className="plan-card__limits">
        {rows.map((row) => (
          <li key={row}>
            <Icon name="check" size={16} />
            {row}
          </li>
        ))}
      </ul>
      {children ? <div className="plan-card__actions">{children}</div> : null}
    </article>
  );
}
