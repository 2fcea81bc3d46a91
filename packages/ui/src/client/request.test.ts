import { AdminHomeCountsSchema } from '@partnerline/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../fake-api';
import { adminHomeQueryOptions } from './reporting';
import { parseResponse, ResponseMismatchError, setResponseMismatchPolicy } from './request';

const counts = { partners: { applied: 1, screening: 2, trial: 0, active: 7 }, registrationsInReview: 3, openConflicts: 1, overdueReviews: 0, newSupportRequests: 2 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setResponseMismatchPolicy('ignore');
});

describe('the typed client', () => {
  it('answers the parsed data when the API matches the domain schema', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi({ 'GET /api/reporting/home': json({ ...counts, extra: 'dropped' }) }).fetch));
    setResponseMismatchPolicy('throw');
    const data = await adminHomeQueryOptions().queryFn!({} as never);
    expect(data).toEqual(counts);
  });

  it('fails visibly on a drift in development', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi({ 'GET /api/reporting/home': json({ ...counts, openConflicts: '1' }) }).fetch));
    setResponseMismatchPolicy('throw');
    await expect(adminHomeQueryOptions().queryFn!({} as never)).rejects.toThrow(ResponseMismatchError);
    await expect(adminHomeQueryOptions().queryFn!({} as never)).rejects.toThrow(/GET \/reporting\/home .*openConflicts/);
  });

  it('logs a drift once in production and uses the data as received', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    setResponseMismatchPolicy('log');
    const drifted = { ...counts, overdueReviews: null };
    expect(parseResponse(AdminHomeCountsSchema, drifted, 'GET /x')).toBe(drifted);
    parseResponse(AdminHomeCountsSchema, drifted, 'GET /x');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toBeInstanceOf(ResponseMismatchError);
  });
});
