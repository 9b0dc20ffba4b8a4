import { resultFromSearch, resultMessage } from './connect-result';

describe('connect result on the settings page', () => {
  it('reads ?connected=1 and ?error=<code>', () => {
    expect(resultFromSearch('?connected=1')).toEqual({ connected: true });
    expect(resultFromSearch('?error=missing_permissions')).toEqual({ connected: false, error: 'missing_permissions' });
    expect(resultFromSearch('')).toBeNull();
  });

  it('explains each code in plain words, and unknown codes generically', () => {
    expect(resultMessage({ connected: false, error: 'invalid_state' })).toMatch(/expired or was already used/);
    expect(resultMessage({ connected: false, error: 'number_taken' })).toMatch(/another Aerostic workspace/);
    expect(resultMessage({ connected: false, error: '<script>' })).toMatch(/Something went wrong/);
    expect(resultMessage({ connected: true })).toMatch(/connected/);
  });
});
