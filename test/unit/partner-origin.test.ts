// `data=` only where it belongs: any partner file in an embed, in the full app only from origins the region allows.
import { describe, expect, it } from 'vitest';
import { partnerDecision } from '../../src/domain/partner-origin';

describe('partnerDecision', () => {
  it('embeds show any http(s) partner file', () => {
    expect(partnerDecision('https://partner.example/s.csv', { embedded: true })).toEqual({ allowed: true, host: 'partner.example' });
  });

  it('the full app ignores it unless the region lists its origin (scheme and port included)', () => {
    expect(partnerDecision('https://partner.example/s.csv', { embedded: false })).toEqual({ allowed: false, reason: 'appOnly', host: 'partner.example' });
    const partnerOrigins = ['https://partner.example/', 'http://localhost:4000'];
    expect(partnerDecision('https://partner.example/s.csv?x=1', { embedded: false, partnerOrigins })).toMatchObject({ allowed: true });
    expect(partnerDecision('http://partner.example/s.csv', { embedded: false, partnerOrigins })).toMatchObject({ allowed: false, reason: 'appOnly' });
    expect(partnerDecision('http://localhost:4001/s.csv', { embedded: false, partnerOrigins })).toMatchObject({ allowed: false });
    expect(partnerDecision('https://evil.example/https://partner.example/s.csv', { embedded: false, partnerOrigins })).toMatchObject({ allowed: false });
  });

  it('anything but an http(s) URL is refused as such', () => {
    for (const raw of ['javascript:alert(1)', 'structures.csv', '', 'data:text/csv,a']) {
      expect(partnerDecision(raw, { embedded: true })).toEqual({ allowed: false, reason: 'notUrl', host: null });
    }
  });
});
