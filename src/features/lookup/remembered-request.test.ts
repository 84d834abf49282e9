import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING, REQUEST_KEY, rememberedRequest, rememberRequest } from './remembered-request';

afterEach(() => window.localStorage.clear());

describe('the remembered request', () => {
  it('is every diagnostic and the peer events until the agent chooses', () => {
    expect(rememberedRequest()).toEqual(EVERYTHING);
  });

  it('keeps the last choice, and ignores what it cannot read', () => {
    rememberRequest({ filters: ['events'], includePeerEvents: false });
    expect(rememberedRequest()).toEqual({ filters: ['events'], includePeerEvents: false });
    window.localStorage.setItem(REQUEST_KEY, '{"filters":"bogus","includePeerEvents":true}');
    expect(rememberedRequest()).toEqual(EVERYTHING);
    window.localStorage.setItem(REQUEST_KEY, 'not json');
    expect(rememberedRequest()).toEqual(EVERYTHING);
  });
});
