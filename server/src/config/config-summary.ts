import {
  formatClockTime,
  localDateOf,
  localMinuteOfDay,
  openingPeriodsOn,
  ticketingWindow,
  type HallConfig,
} from '@yizhan/shared';

/** The start-up summary hall staff see in the console, zh first with English. */
export function hallConfigSummary(config: HallConfig, now: number): string {
  const tz = config.hall.timezone;
  const today = localDateOf(now, tz);
  const joint = config.services.filter((s) => s.route.length > 1).length;
  const forwarded = config.services.filter((s) => s.forwardTo !== undefined).length;
  const hours = openingPeriodsOn(config, today)
    .map((p) => `${p.from}–${p.to}`)
    .join(', ');
  const window = ticketingWindow(config, now);
  const ticketing =
    window.state === 'open'
      ? `取号中 open, cut-off at ${formatClockTime(localMinuteOfDay(window.cutoffAt, tz))}`
      : window.state === 'past-cutoff'
        ? '已停止取号 past the ticket cut-off'
        : '未开放 closed';
  const next =
    window.state !== 'open' && window.nextOpening !== null
      ? `; next opening ${localDateOf(window.nextOpening, tz)} ${formatClockTime(localMinuteOfDay(window.nextOpening, tz))}`
      : '';
  return [
    `${config.hall.name.zh} / ${config.hall.name.en}  (hall code ${config.hall.code}, ${tz})`,
    `  窗口 counters: ${config.counters.length}   技能 skills: ${config.skills.length}   处室 departments: ${config.departments.length}`,
    `  事项 services: ${config.services.length} (联办 joint-handling: ${joint}, 转办 always forwarded: ${forwarded})`,
    `  今日 today ${today}: ${hours || '休息 closed all day'}; ticketing ${ticketing}${next}`,
    `  日历 calendar: ${config.calendar.holidays.length} holidays, ${config.calendar.workdays.length} swapped workdays`,
    `  叫号策略 routing: priority ${config.routing.ratio.priority} : normal ${config.routing.ratio.normal}, aging ${config.routing.agingMinutes} min, pressure ${config.routing.pressure ? 'on' : 'off'}`,
  ].join('\n');
}
