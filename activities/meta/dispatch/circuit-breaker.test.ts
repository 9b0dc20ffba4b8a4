import { ApplicationFailure } from '@temporalio/common';
import { CircuitBreaker } from './circuit-breaker';

function breakerAt(start = 1_000) {
  const clock = { now: start };
  const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 30_000, probeLeaseMs: 10_000 }, () => clock.now);
  return { breaker, clock };
}
const caught = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err as ApplicationFailure;
  }
  return undefined;
};

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and says how long is left', () => {
    const { breaker, clock } = breakerAt();
    breaker.failure('pn');
    breaker.failure('pn');
    expect(() => breaker.check('pn')).not.toThrow();
    breaker.failure('pn');
    clock.now += 10_000;
    const err = caught(() => breaker.check('pn'));
    expect(err).toMatchObject({ type: 'circuit_open', nonRetryable: false, nextRetryDelay: 20_000 });
    expect(() => breaker.check('other')).not.toThrow();
  });

  it('a success resets the streak', () => {
    const { breaker } = breakerAt();
    breaker.failure('pn');
    breaker.failure('pn');
    breaker.success('pn');
    breaker.failure('pn');
    expect(breaker.state('pn')).toBe('closed');
  });

  it('half-open lets one probe through; its success closes the circuit', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('pn');
    clock.now += 30_000;
    expect(breaker.state('pn')).toBe('half_open');
    expect(() => breaker.check('pn')).not.toThrow();
    expect(caught(() => breaker.check('pn'))?.type).toBe('circuit_open');
    breaker.success('pn');
    expect(() => breaker.check('pn')).not.toThrow();
  });

  it('a failed probe reopens it at once', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('pn');
    clock.now += 30_000;
    breaker.check('pn');
    breaker.failure('pn');
    expect(breaker.state('pn')).toBe('open');
  });

  it('a probe that never reports back frees its lease', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('pn');
    clock.now += 30_000;
    breaker.check('pn');
    clock.now += 10_000;
    expect(() => breaker.check('pn')).not.toThrow();
  });
});
