import { ApplicationFailure } from '@temporalio/common';
import { GraphError } from '../../../integrations/meta/graph-client';
import { classifySendError, rejectedFailure } from './classify';
import { explainMetaError } from './explain';

const graphError = (httpStatus: number, code: number | undefined, retryAfterSeconds?: number, message = `(#${code}) Something`) =>
  new GraphError(httpStatus, code, undefined, message, retryAfterSeconds, 'graph');

describe('classifySendError', () => {
  it.each([
    ['500', graphError(500, 1)],
    ['503', graphError(503, 2)],
    ['131000', graphError(500, 131000)],
    ['a 5xx without an error object', graphError(502, undefined)],
    ['a garbled 5xx', new GraphError(502, undefined, undefined, 'not JSON', undefined, 'malformed')],
  ])('retries %s and frees the ledger (Meta did not take it)', (_name, err) => {
    const result = classifySendError(err);
    expect(result.failure).toBeInstanceOf(ApplicationFailure);
    expect(result.failure).toMatchObject({ type: 'meta_retryable', nonRetryable: false });
    expect(result.outcome).toBe('not_accepted');
    expect(result.countsForBreaker).toBe(true);
  });

  it.each([
    ['a timeout', new GraphError(0, undefined, undefined, 'Meta did not answer in time', undefined, 'timeout')],
    ['a network error', new GraphError(0, undefined, undefined, 'ECONNRESET', undefined, 'network')],
    ['a garbled 200', new GraphError(200, undefined, undefined, 'not JSON', undefined, 'malformed')],
    ['something unexpected', new TypeError('boom')],
  ])('retries %s but keeps the ledger in flight (Meta may have it)', (_name, err) => {
    const result = classifySendError(err);
    expect(result.failure).toMatchObject({ type: 'meta_retryable', nonRetryable: false });
    expect(result.outcome).toBe('ambiguous');
  });

  it('honours Retry-After on 429 and 130429', () => {
    expect(classifySendError(graphError(429, 4, 7)).failure.nextRetryDelay).toBe(7000);
    const throughput = classifySendError(graphError(400, 130429, 3));
    expect(throughput).toMatchObject({ outcome: 'not_accepted', countsForBreaker: true });
    expect(throughput.failure.nextRetryDelay).toBe(3000);
  });

  it('paces the per-recipient pair limit without blaming the number', () => {
    const result = classifySendError(graphError(400, 131056));
    expect(result).toMatchObject({ outcome: 'not_accepted', countsForBreaker: false });
    expect(result.failure.nextRetryDelay).toBe(6000);
  });

  it.each([131047, 131026, 100, 131051, 132000, 132001, 131048, 368, 131031, 10])('fails %i at once, with Meta’s code and an explanation', (code) => {
    const result = classifySendError(graphError(400, code, undefined, `(#${code}) Title of ${code}`));
    expect(result.outcome).toBe('rejected');
    expect(result.failure).toMatchObject({ type: `meta_${code}`, nonRetryable: true, message: explainMetaError(code) });
    expect(result.failure.details?.[0]).toEqual({ code, title: `Title of ${code}`, explanation: explainMetaError(code) });
  });

  it('flags an expired token', () => {
    const result = classifySendError(graphError(401, 190, undefined, 'Error validating access token: Session has expired'));
    expect(result).toMatchObject({ outcome: 'rejected', tokenExpired: true });
    expect(result.failure.type).toBe('meta_190');
  });

  it('explains the 24-hour window in words a sender understands', () => {
    expect(explainMetaError(131047)).toBe('More than 24 hours have passed since the customer last wrote; send an approved template instead.');
    expect(explainMetaError(999999)).toBe('Meta rejected the message (error 999999).');
  });

  it('rebuilds a stored rejection for a replayed attempt', () => {
    expect(rejectedFailure('131026')).toMatchObject({ type: 'meta_131026', nonRetryable: true, message: explainMetaError(131026) });
  });
});
