import { readFileSync } from 'node:fs';
import {
  compileHallConfig,
  parseHallConfigYaml,
  type CompiledHallConfig,
  type HallConfig,
  type ServiceConfig,
} from '@yizhan/shared';

const DEFAULT_CONFIG = new URL('../config/hall.default.yaml', import.meta.url);

/** The default hall as shipped. */
export function loadDefaultHallConfig(): HallConfig {
  const parsed = parseHallConfigYaml(readFileSync(DEFAULT_CONFIG, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.config;
}

/**
 * The default hall stretched for benchmarks: `services` services (the real
 * catalog, then copies of it under new codes and prefixes), high daily caps,
 * and open around the clock so timing never hits a closed hall.
 */
export function benchHall(services = 60): CompiledHallConfig {
  const base = loadDefaultHallConfig();
  const catalog: ServiceConfig[] = [];
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (let i = 0; catalog.length < services; i++) {
    const source = base.services[i % base.services.length] as ServiceConfig;
    const prefix =
      i < letters.length
        ? letters[i]
        : `${letters[Math.floor(i / letters.length) - 1]}${letters[i % letters.length]}`;
    catalog.push({
      ...source,
      code: `${source.code}-${i}`,
      prefix: prefix as string,
      dailyCap: 9999,
      appointments: true,
    });
  }
  const allDay = [{ from: '00:00', to: '23:59' }];
  return compileHallConfig({
    ...base,
    services: catalog,
    ticketing: { cutoffMinutes: 0 },
    openingHours: {
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    },
    calendar: { ...base.calendar, holidays: [] },
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
