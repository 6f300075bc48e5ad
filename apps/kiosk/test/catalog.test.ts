import { readFileSync } from 'node:fs';
import { parseHallConfigYaml } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { hallCatalog } from '../../../server/src/http/hall-catalog';
import { catalogSchema, searchServices } from '../src/catalog';

const parsed = parseHallConfigYaml(
  readFileSync(new URL('../../../config/hall.default.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the default hall configuration does not parse');
const catalog = catalogSchema.parse(hallCatalog(parsed.config, 1));

describe('the kiosk catalog', () => {
  it('accepts what the server serves', () => {
    expect(catalog.services.length).toBe(parsed.config.services.length);
  });

  it('finds services by pinyin initials, by Chinese name, and by English words', () => {
    const codes = (q: string) => searchServices(catalog, q).map((s) => s.code);
    expect(codes('gwyly')).toEqual(['civil-service-appointment']);
    expect(codes('gwy')).toEqual(
      expect.arrayContaining(['civil-service-registration', 'civil-service-appointment']),
    );
    expect(codes('录用审批')).toContain('civil-service-appointment');
    expect(codes('civil service')).toContain('civil-service-appointment');
    expect(codes('')).toEqual([]);
    expect(codes('zzzzzz')).toEqual([]);
  });

  it('refuses a catalog that is not one', () => {
    expect(
      catalogSchema.safeParse({ ...hallCatalog(parsed.config, 1), services: [{ code: 1 }] }).success,
    ).toBe(false);
  });
});
