import { parseClockTime, weekdayOfDate } from '../time/zoned-time';
import { WEEKDAYS, type HallConfig } from './hall-config-schema';

export interface ConfigProblem {
  /** Where in the file, e.g. `services[12].route[1].skill`. */
  path: string;
  message: string;
}

/**
 * Checks what the schema alone cannot: references between sections and
 * uniqueness. Each problem names the exact path so hall staff can find it.
 */
export function checkCrossReferences(config: HallConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const skillCodes = uniqueCodes(config.skills, 'skills', 'skill', add);
  const departmentCodes = uniqueCodes(config.departments, 'departments', 'department', add);
  const categoryCodes = uniqueCodes(config.categories, 'categories', 'category', add);
  uniqueCodes(config.services, 'services', 'service', add);
  uniqueCodes(config.pauseReasons, 'pauseReasons', 'pause reason', add);
  uniqueCodes(config.priority.greenChannelReasons, 'priority.greenChannelReasons', 'reason', add);

  const servedSkills = new Set<string>();
  const counterNumbers = new Set<number>();
  config.counters.forEach((counter, i) => {
    if (counterNumbers.has(counter.number)) {
      add(`counters[${i}].number`, `duplicate counter number ${counter.number}`);
    }
    counterNumbers.add(counter.number);
    const seen = new Set<string>();
    counter.skills.forEach((tier, t) =>
      tier.forEach((skill, s) => {
        const path = `counters[${i}].skills[${t}][${s}]`;
        if (!skillCodes.has(skill)) add(path, `unknown skill "${skill}"`);
        if (seen.has(skill)) add(path, `skill "${skill}" is listed twice for this counter`);
        seen.add(skill);
        servedSkills.add(skill);
      }),
    );
  });

  const prefixes = new Map<string, number>();
  config.services.forEach((service, i) => {
    if (!categoryCodes.has(service.category)) {
      add(`services[${i}].category`, `unknown category "${service.category}"`);
    }
    const owner = prefixes.get(service.prefix);
    if (owner !== undefined) {
      add(`services[${i}].prefix`, `prefix "${service.prefix}" is already used by services[${owner}]`);
    } else {
      prefixes.set(service.prefix, i);
    }
    service.route.forEach((step, s) => {
      const path = `services[${i}].route[${s}].skill`;
      if (!skillCodes.has(step.skill)) add(path, `unknown skill "${step.skill}"`);
      else if (!servedSkills.has(step.skill)) add(path, `no counter serves skill "${step.skill}"`);
    });
    if (service.forwardTo !== undefined && !departmentCodes.has(service.forwardTo)) {
      add(`services[${i}].forwardTo`, `unknown department "${service.forwardTo}"`);
    }
  });

  config.skills.forEach((skill, i) => {
    if (!servedSkills.has(skill.code)) add(`skills[${i}]`, `no counter serves skill "${skill.code}"`);
  });

  const holidays = new Set(config.calendar.holidays);
  config.calendar.workdays.forEach((date, i) => {
    if (holidays.has(date)) {
      add(`calendar.workdays[${i}]`, `${date} is listed both as a holiday and as a workday`);
    } else if (!['sat', 'sun'].includes(weekdayOfDate(date))) {
      add(`calendar.workdays[${i}]`, `${date} is a weekday; swapped workdays (调休) fall on weekends`);
    }
  });

  const cutoff = config.ticketing.cutoffMinutes;
  for (const day of WEEKDAYS) {
    config.openingHours[day].forEach((period, i) => {
      if (parseClockTime(period.to) - parseClockTime(period.from) <= cutoff) {
        add(
          `openingHours.${day}[${i}]`,
          `is no longer than the ${cutoff}-minute ticket cut-off, so no ticket could ever be issued in it`,
        );
      }
    });
  }

  return problems;
}

function uniqueCodes(
  items: readonly { code: string }[],
  section: string,
  noun: string,
  add: (path: string, message: string) => void,
): Set<string> {
  const codes = new Set<string>();
  items.forEach((item, i) => {
    if (codes.has(item.code)) add(`${section}[${i}].code`, `duplicate ${noun} "${item.code}"`);
    codes.add(item.code);
  });
  return codes;
}
