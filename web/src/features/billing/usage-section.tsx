import type { TUsageResponse } from '@domain/billing';
import { formatCount } from '../../lib/format';

const meters = [
  { name: 'messages', label: 'Messages this month', used: 'messagesThisMonth', limit: 'messagesPerMonth' },
  { name: 'ai-replies', label: 'AI replies this month', used: 'aiRepliesThisMonth', limit: 'aiRepliesPerMonth' },
  { name: 'agents', label: 'Team members', used: 'agents', limit: 'agents' },
  { name: 'broadcasts', label: 'Broadcasts today', used: 'broadcastsToday', limit: 'broadcastsPerDay' },
] as const;

/** Usage against the plan's limits; the bar turns amber from 80% and red at the limit. */
export function UsageSection({ usage, planName, subscribed }: { usage: TUsageResponse; planName: string; subscribed: boolean }) {
  return (
    <section className="card card--flat" aria-labelledby="usage-title">
      <h2 className="card__title" id="usage-title">
        Usage
      </h2>
      <p className="muted">
        {subscribed ? `Limits of your ${planName} plan.` : `Without a paid plan, the trial limits apply (the ${planName} plan's).`} Months and days are counted in UTC.
      </p>
      <ul className="usage-list">
        {meters.map((m) => {
          const used = usage.usage[m.used];
          const limit = usage.limits[m.limit];
          const ratio = limit > 0 ? Math.min(1, used / limit) : 1;
          const level = ratio >= 1 ? 'full' : ratio >= 0.8 ? 'high' : 'ok';
          return (
            <li key={m.name} className="usage" data-testid={`usage-${m.name}`}>
              <div className="usage__row">
                <span>{m.label}</span>
                <span className="usage__numbers">
                  {formatCount(used)} / {formatCount(limit)}
                </span>
              </div>
              <div className={`usage__bar usage__bar--${level}`} role="progressbar" aria-label={m.label} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={used}>
                <span style={{ width: `${Math.round(ratio * 100)}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
