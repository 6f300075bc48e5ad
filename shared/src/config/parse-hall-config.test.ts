import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import defaultYaml from '../../../config/hall.default.yaml?raw';
import type { ConfigProblem } from './check-cross-references';
import { formatConfigProblems, parseHallConfigYaml, validateHallConfig } from './parse-hall-config';

/**
 * The default file as plain YAML data, before zod fills in defaults. Only the
 * fields these tests touch are typed; each test mutates one thing in a clone.
 */
interface RawConfig {
  skills: { code: string; name: { zh: string; en: string } }[];
  services: {
    code: string;
    prefix: string;
    category: string;
    forwardTo?: string;
    route: { skill: string }[];
    [field: string]: unknown;
  }[];
  counters: { number: number; skills: string[][] }[];
  openingHours: Record<string, { from: string; to: string }[]>;
  calendar: { holidays: string[]; workdays: string[] };
}

const base = parse(defaultYaml) as RawConfig;

function problemsAfter(mutate: (config: RawConfig) => void): ConfigProblem[] {
  const config = structuredClone(base);
  mutate(config);
  const result = validateHallConfig(config);
  if (result.ok) throw new Error('expected the mutated config to be rejected');
  return result.problems;
}

function serviceIndex(predicate: (service: RawConfig['services'][number]) => boolean): number {
  const index = base.services.findIndex(predicate);
  if (index < 0) throw new Error('the default config has no such service');
  return index;
}

describe('validateHallConfig', () => {
  it('accepts the default config as parsed YAML data', () => {
    expect(validateHallConfig(structuredClone(base)).ok).toBe(true);
  });

  it('names the step whose skill does not exist', () => {
    const i = serviceIndex((s) => s.route.length >= 2);
    expect(
      problemsAfter((c) => {
        c.services[i]!.route[1]!.skill = 'archive';
      }),
    ).toEqual([{ path: `services[${i}].route[1].skill`, message: 'unknown skill "archive"' }]);
  });

  it('rejects a prefix used by an earlier service', () => {
    const first = base.services[0]!.prefix;
    expect(
      problemsAfter((c) => {
        c.services[3]!.prefix = first;
      }),
    ).toEqual([{ path: 'services[3].prefix', message: `prefix "${first}" is already used by services[0]` }]);
  });

  it('rejects forwarding to an unknown department', () => {
    const i = serviceIndex((s) => s.forwardTo !== undefined);
    expect(
      problemsAfter((c) => {
        c.services[i]!.forwardTo = 'pension-office';
      }),
    ).toEqual([{ path: `services[${i}].forwardTo`, message: 'unknown department "pension-office"' }]);
  });

  it('rejects an unknown category', () => {
    expect(
      problemsAfter((c) => {
        c.services[5]!.category = 'exams';
      }),
    ).toEqual([{ path: 'services[5].category', message: 'unknown category "exams"' }]);
  });

  it('reports a skill that no counter serves, and every step that needs it', () => {
    const skill = 'overseas-returnee';
    const k = base.skills.findIndex((s) => s.code === skill);
    const steps = base.services.flatMap((service, i) =>
      service.route.flatMap((step, s) =>
        step.skill === skill
          ? [{ path: `services[${i}].route[${s}].skill`, message: `no counter serves skill "${skill}"` }]
          : [],
      ),
    );
    expect(steps.length).toBeGreaterThan(0);
    expect(
      problemsAfter((c) => {
        for (const counter of c.counters) {
          counter.skills = counter.skills
            .map((tier) => tier.filter((code) => code !== skill))
            .filter((tier) => tier.length > 0);
        }
      }),
    ).toEqual([...steps, { path: `skills[${k}]`, message: `no counter serves skill "${skill}"` }]);
  });

  it('reports a new skill that no counter serves', () => {
    expect(
      problemsAfter((c) => {
        c.skills.push({ code: 'foreign-experts', name: { zh: '外国专家', en: 'Foreign experts' } });
      }),
    ).toEqual([
      { path: `skills[${base.skills.length}]`, message: 'no counter serves skill "foreign-experts"' },
    ]);
  });

  it('rejects a counter listing an unknown skill', () => {
    const s = base.counters[0]!.skills[1]!.length;
    expect(
      problemsAfter((c) => {
        c.counters[0]!.skills[1]!.push('archive');
      }),
    ).toEqual([{ path: `counters[0].skills[1][${s}]`, message: 'unknown skill "archive"' }]);
  });

  it('rejects a skill listed twice for one counter', () => {
    const skill = base.counters[0]!.skills[0]![0]!;
    expect(
      problemsAfter((c) => {
        c.counters[0]!.skills.push([skill]);
      }),
    ).toEqual([
      {
        path: `counters[0].skills[${base.counters[0]!.skills.length}][0]`,
        message: `skill "${skill}" is listed twice for this counter`,
      },
    ]);
  });

  it('rejects a duplicate counter number', () => {
    expect(
      problemsAfter((c) => {
        c.counters[21]!.number = 1;
      }),
    ).toEqual([{ path: 'counters[21].number', message: 'duplicate counter number 1' }]);
  });

  it('rejects an empty route', () => {
    expect(
      problemsAfter((c) => {
        c.services[7]!.route = [];
      }),
    ).toEqual([{ path: 'services[7].route', message: 'must have at least one step' }]);
  });

  it('rejects a closing time that is not a time of day', () => {
    expect(
      problemsAfter((c) => {
        c.openingHours['mon']![0]!.to = '25:00';
      }),
    ).toEqual([{ path: 'openingHours.mon[0].to', message: 'must be a time of day as "HH:MM"' }]);
  });

  it('rejects an opening time that is not a time of day', () => {
    // Only the malformed time is reported, not a follow-on "from before to".
    expect(
      problemsAfter((c) => {
        c.openingHours['tue']![1]!.from = '25:00';
      }),
    ).toEqual([{ path: 'openingHours.tue[1].from', message: 'must be a time of day as "HH:MM"' }]);
  });

  it('rejects a period whose "from" is after its "to"', () => {
    expect(
      problemsAfter((c) => {
        c.openingHours['wed']![1] = { from: '17:30', to: '13:30' };
      }),
    ).toEqual([{ path: 'openingHours.wed[1]', message: '"from" must be before "to"' }]);
  });

  it('rejects a holiday that is not a date', () => {
    // One problem only: the "real calendar date" check is skipped for a malformed value.
    expect(
      problemsAfter((c) => {
        c.calendar.holidays[2] = 'New Year';
      }),
    ).toEqual([{ path: 'calendar.holidays[2]', message: 'must be a date as "YYYY-MM-DD"' }]);
  });

  it('rejects a holiday that is not a real calendar date', () => {
    expect(
      problemsAfter((c) => {
        c.calendar.holidays[0] = '2026-02-30';
      }),
    ).toEqual([{ path: 'calendar.holidays[0]', message: 'is not a real calendar date' }]);
  });

  it('rejects a date that is both a holiday and a workday', () => {
    const date = base.calendar.holidays[0]!;
    expect(
      problemsAfter((c) => {
        c.calendar.workdays.push(date);
      }),
    ).toEqual([
      {
        path: `calendar.workdays[${base.calendar.workdays.length}]`,
        message: `${date} is listed both as a holiday and as a workday`,
      },
    ]);
  });

  it('rejects overlapping opening periods', () => {
    expect(
      problemsAfter((c) => {
        c.openingHours['thu'] = [
          { from: '08:30', to: '12:00' },
          { from: '11:00', to: '17:30' },
        ];
      }),
    ).toEqual([{ path: 'openingHours.thu', message: 'periods must be in order and must not overlap' }]);
  });

  it('rejects an opening period no longer than the ticket cut-off', () => {
    expect(
      problemsAfter((c) => {
        c.openingHours['fri'] = [{ from: '08:30', to: '08:50' }];
      }),
    ).toEqual([
      {
        path: 'openingHours.fri[0]',
        message: 'is no longer than the 30-minute ticket cut-off, so no ticket could ever be issued in it',
      },
    ]);
  });

  it('rejects a swapped workday that is not on a weekend', () => {
    expect(
      problemsAfter((c) => {
        c.calendar.workdays.push('2026-11-25'); // a Wednesday
      }),
    ).toEqual([
      {
        path: `calendar.workdays[${base.calendar.workdays.length}]`,
        message: '2026-11-25 is a weekday; swapped workdays (调休) fall on weekends',
      },
    ]);
  });

  it('says which value a fixed field must have', () => {
    expect(
      problemsAfter((c) => {
        (c as unknown as { version: number }).version = 2;
      }),
    ).toEqual([{ path: 'version', message: 'must be 1' }]);
  });

  it('rejects an unknown field in a service', () => {
    expect(
      problemsAfter((c) => {
        c.services[2]!['forwardto'] = 'exam-center';
      }),
    ).toEqual([{ path: 'services[2]', message: 'unknown field "forwardto"' }]);
  });

  it('reports a misspelt field as unknown and the real one as missing', () => {
    expect(
      problemsAfter((c) => {
        const service = c.services[0]!;
        service['dailycap'] = service['dailyCap'];
        delete service['dailyCap'];
      }),
    ).toEqual([
      { path: 'services[0].dailyCap', message: 'expected number, received undefined' },
      { path: 'services[0]', message: 'unknown field "dailycap"' },
    ]);
  });
});

describe('parseHallConfigYaml', () => {
  it('accepts the default file', () => {
    expect(parseHallConfigYaml(defaultYaml).ok).toBe(true);
  });

  it('reports a YAML syntax error by line and column', () => {
    const lines = defaultYaml.split('\n');
    const at = lines.findIndex((line) => line.startsWith('  cutoffMinutes:'));
    lines.splice(at + 1, 0, '  cutoffMinutes: 20');
    const result = parseHallConfigYaml(lines.join('\n'));
    if (result.ok) throw new Error('expected a YAML error');
    expect(result.problems).toHaveLength(1);
    // Lines are 1-based, so the inserted duplicate key sits on line at + 2.
    expect(result.problems[0]!.path).toBe(`line ${at + 2}:3`);
    // One line, without the library's code excerpt or a repeated position.
    expect(result.problems[0]!.message).toBe('Map keys must be unique');
  });

  it('reports a tab used for indentation', () => {
    const result = parseHallConfigYaml('version: 1\nhall:\n\tcode: "370000"\n');
    if (result.ok) throw new Error('expected a YAML error');
    expect(result.problems.map((p) => p.path)).toEqual(['line 3:1']);
  });
});

describe('formatConfigProblems', () => {
  it('prints one "path: message" line per problem', () => {
    expect(
      formatConfigProblems([
        { path: 'services[12].route[1].skill', message: 'unknown skill "archive"' },
        { path: 'counters[21].number', message: 'duplicate counter number 1' },
      ]),
    ).toBe(
      'services[12].route[1].skill: unknown skill "archive"\ncounters[21].number: duplicate counter number 1',
    );
  });

  it('names the root for a problem with an empty path', () => {
    expect(formatConfigProblems([{ path: '', message: 'expected object, received array' }])).toBe(
      '(root): expected object, received array',
    );
  });

  it('formats the problems of a config with several mistakes', () => {
    const config = structuredClone(base);
    config.services[5]!.category = 'exams';
    config.counters[21]!.number = 1;
    const result = validateHallConfig(config);
    if (result.ok) throw new Error('expected the config to be rejected');
    expect(formatConfigProblems(result.problems).split('\n')).toEqual([
      'counters[21].number: duplicate counter number 1',
      'services[5].category: unknown category "exams"',
    ]);
  });
});
