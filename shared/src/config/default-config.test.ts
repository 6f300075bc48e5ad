import { describe, expect, it } from 'vitest';
import defaultYaml from '../../../config/hall.default.yaml?raw';
import type { HallConfig } from './hall-config-schema';
import { formatConfigProblems, parseHallConfigYaml } from './parse-hall-config';

function loadDefault(): HallConfig {
  const result = parseHallConfigYaml(defaultYaml);
  if (!result.ok) throw new Error(`default config is invalid:\n${formatConfigProblems(result.problems)}`);
  return result.config;
}

describe('config/hall.default.yaml', () => {
  const config = loadDefault();

  it('parses without problems', () => {
    expect(parseHallConfigYaml(defaultYaml)).toMatchObject({ ok: true });
  });

  it('has exactly 22 counters numbered 1..22', () => {
    expect(config.counters.map((c) => c.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('offers at least 30 services', () => {
    expect(config.services.length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 8 joint-handling routes of 2–4 steps through different skills', () => {
    const joint = config.services.filter(
      (s) =>
        s.route.length >= 2 &&
        s.route.length <= 4 &&
        new Set(s.route.map((step) => step.skill)).size === s.route.length,
    );
    expect(joint.length).toBeGreaterThanOrEqual(8);
  });

  it('forwards at least 4 services to a department', () => {
    expect(config.services.filter((s) => s.forwardTo !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('gives every service materials and a name in Chinese and English', () => {
    for (const service of config.services) {
      expect(service.materials.length, service.code).toBeGreaterThanOrEqual(1);
      expect(service.name.zh, service.code).not.toBe('');
      expect(service.name.en, service.code).not.toBe('');
    }
  });

  it('has every skill served by at least two counters', () => {
    for (const skill of config.skills) {
      const counters = config.counters.filter((c) => c.skills.some((tier) => tier.includes(skill.code)));
      expect(counters.length, skill.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('lists public holidays in both 2026 and 2027', () => {
    const years = new Set(config.calendar.holidays.map((date) => date.slice(0, 4)));
    expect(years).toContain('2026');
    expect(years).toContain('2027');
  });

  it('offers the green channel to the elderly, the disabled and the military', () => {
    const reasons = config.priority.greenChannelReasons.map((r) => r.code);
    expect(reasons).toEqual(expect.arrayContaining(['elderly', 'disabled', 'military']));
  });
});
