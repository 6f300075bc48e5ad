import type { HallConfig, LocalizedText } from '@yizhan/shared';

/** What kiosks and displays need to know about the hall; nothing internal (skills, routing, limits). */
export interface HallCatalog {
  version: number;
  hall: { code: string; name: LocalizedText; timezone: string; notices: LocalizedText[] };
  openingHours: HallConfig['openingHours'];
  calendar: HallConfig['calendar'];
  ticketing: { cutoffMinutes: number };
  categories: HallConfig['categories'];
  services: {
    code: string;
    name: LocalizedText;
    category: string;
    prefix: string;
    pinyin: string | null;
    materials: LocalizedText[];
    route: { name: LocalizedText; targetWaitMinutes: number; serviceMinutes: number }[];
    promisedWorkingDays: number;
    forwardTo: string | null;
    appointments: boolean;
    dailyCap: number;
  }[];
  counters: { number: number; name: LocalizedText }[];
  priority: { greenChannelReasons: HallConfig['priority']['greenChannelReasons'] };
  pauseReasons: HallConfig['pauseReasons'];
  departments: { code: string; name: LocalizedText }[];
  display: HallConfig['display'];
}

export function hallCatalog(config: HallConfig, version: number): HallCatalog {
  const { hall } = config;
  return {
    version,
    hall: { code: hall.code, name: hall.name, timezone: hall.timezone, notices: hall.notices },
    openingHours: config.openingHours,
    calendar: config.calendar,
    ticketing: { cutoffMinutes: config.ticketing.cutoffMinutes },
    categories: config.categories,
    services: config.services.map((s) => ({
      code: s.code,
      name: s.name,
      category: s.category,
      prefix: s.prefix,
      pinyin: s.pinyin ?? null,
      materials: s.materials,
      route: s.route.map((step) => ({
        name: step.name,
        targetWaitMinutes: step.targetWaitMinutes,
        serviceMinutes: step.serviceMinutes,
      })),
      promisedWorkingDays: s.promisedWorkingDays,
      forwardTo: s.forwardTo ?? null,
      appointments: s.appointments,
      dailyCap: s.dailyCap,
    })),
    counters: config.counters.map((c) => ({ number: c.number, name: c.name })),
    priority: { greenChannelReasons: config.priority.greenChannelReasons },
    pauseReasons: config.pauseReasons,
    departments: config.departments.map((d) => ({ code: d.code, name: d.name })),
    display: config.display,
  };
}
