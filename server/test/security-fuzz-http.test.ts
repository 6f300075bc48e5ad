import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../src/docs/protocol-doc';
import { httpFuzzPartOf, httpFuzzRoutes, httpFuzzSuite } from './support/fuzz';

/**
 * The HTTP fuzz, part 1 of 3: tracking, sessions, configuration and notices.
 * Parts 2 and 3 (security-fuzz-http-reads/-static) run in parallel with it.
 */
describe('HTTP fuzz coverage', () => {
  it('fuzzes every documented route in one of the three parts', () => {
    expect(HTTP_ROUTES.filter((route) => httpFuzzPartOf(route) === null)).toEqual([]);
  });
});

httpFuzzSuite(httpFuzzRoutes('api'));
