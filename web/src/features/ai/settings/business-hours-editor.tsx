import { weekdays, type TBusinessHours } from '@domain/ai';
import { TextField } from '../../../components/text-field';
import type { Weekday } from './ai-settings-values';

interface Props {
  value: TBusinessHours;
  errors: Record<string, string>;
  onChange(value: TBusinessHours): void;
}

const dayNames: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [];
}

/** The time zone, then each day open (with its hours) or closed. Days left closed are not sent. */
export function BusinessHoursEditor({ value, errors, onChange }: Props) {
  const zones = timeZones();
  const setDay = (day: Weekday, hours: { open: string; close: string } | undefined) => {
    const days = { ...value.days };
    if (hours) days[day] = hours;
    else delete days[day];
    onChange({ ...value, days });
  };

  return (
    <div className="business-hours" data-testid="business-hours">
      <TextField
        name="timezone"
        label="Time zone"
        list={zones.length ? 'aerostic-time-zones' : undefined}
        value={value.timezone}
        error={errors['businessHours.timezone']}
        onChange={(e) => onChange({ ...value, timezone: e.target.value })}
        hint="An IANA zone such as Asia/Kolkata."
      />
      {zones.length ? (
        <datalist id="aerostic-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      ) : null}
      <div className="business-hours__days">
        {weekdays.map((day) => {
          const hours = value.days[day];
          const error = errors[`businessHours.days.${day}.close`] ?? errors[`businessHours.days.${day}.open`];
          return (
            <div key={day} className={`business-hours__day${error ? ' field--invalid' : ''}`} data-testid={`business-day-${day}`}>
              <label className="business-hours__name">
                <input
                  type="checkbox"
                  checked={Boolean(hours)}
                  onChange={(e) => setDay(day, e.target.checked ? { open: '09:00', close: '18:00' } : undefined)}
                  data-testid={`business-day-${day}-open`}
                />
                {dayNames[day]}
              </label>
              {hours ? (
                <span className="business-hours__times">
                  <input
                    type="time"
                    className="field__input field__input--compact"
                    aria-label={`${dayNames[day]} opens`}
                    value={hours.open}
                    onChange={(e) => setDay(day, { ...hours, open: e.target.value })}
                  />
                  <span className="muted">to</span>
                  <input
                    type="time"
                    className="field__input field__input--compact"
                    aria-label={`${dayNames[day]} closes`}
                    value={hours.close}
                    onChange={(e) => setDay(day, { ...hours, close: e.target.value })}
                  />
                </span>
              ) : (
                <span className="muted">Closed</span>
              )}
              {error ? <p className="field__error business-hours__error">{error}</p> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
