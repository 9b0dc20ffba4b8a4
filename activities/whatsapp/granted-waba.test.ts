import { chosenPhoneNumber, grantedWaba } from './granted-waba';

const scopes = (management?: string[], messaging?: string[]) => ({
  is_valid: true,
  granular_scopes: [
    { scope: 'whatsapp_business_management', ...(management ? { target_ids: management } : {}) },
    { scope: 'whatsapp_business_messaging', ...(messaging ? { target_ids: messaging } : {}) },
    { scope: 'public_profile' },
  ],
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('grantedWaba', () => {
  it('discovers the newest WABA granted for both scopes', () => {
    expect(grantedWaba(scopes(['2', '1'], ['2', '1']))).toBe('2');
    expect(grantedWaba(scopes(['2', '1'], ['1']))).toBe('1');
  });

  it('accepts a requested WABA only when both scopes cover it', () => {
    expect(grantedWaba(scopes(['2', '1'], ['2', '1']), '1')).toBe('1');
    expect(codeOf(() => grantedWaba(scopes(['2'], ['2', '1']), '1'))).toBe('missing_permissions');
    expect(grantedWaba(scopes(), '9')).toBe('9');
  });

  it('refuses invalid tokens, missing scopes and tokens granted on nothing', () => {
    expect(codeOf(() => grantedWaba({ is_valid: false }))).toBe('token_invalid');
    expect(codeOf(() => grantedWaba({ is_valid: true, granular_scopes: [{ scope: 'whatsapp_business_management', target_ids: ['1'] }] }))).toBe('missing_permissions');
    expect(codeOf(() => grantedWaba(scopes([], [])))).toBe('missing_permissions');
    expect(codeOf(() => grantedWaba(scopes()))).toBe('account_not_found');
  });
});

describe('chosenPhoneNumber', () => {
  it('takes the named number only if it belongs to the WABA, else the first', () => {
    expect(chosenPhoneNumber([{ id: '5' }, { id: '6' }])).toBe('5');
    expect(chosenPhoneNumber([{ id: '5' }, { id: '6' }], '6')).toBe('6');
    expect(codeOf(() => chosenPhoneNumber([{ id: '5' }], '7'))).toBe('account_not_found');
    expect(codeOf(() => chosenPhoneNumber([]))).toBe('no_phone_number');
  });
});
