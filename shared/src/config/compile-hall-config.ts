import type { CounterConfig, HallConfig, ServiceConfig, StepConfig } from './hall-config-schema';

export interface CompiledCounter {
  config: CounterConfig;
  /** Tier of each skill this counter serves (0 = first). */
  tierOf: ReadonlyMap<string, number>;
  /** Skills in tier order, flattened, for the routing loop. */
  skills: readonly string[];
}

/**
 * The hall configuration indexed for the engine's hot paths. Built once per
 * configuration version; never mutated.
 */
export interface CompiledHallConfig {
  config: HallConfig;
  services: ReadonlyMap<string, ServiceConfig>;
  skills: ReadonlySet<string>;
  departments: ReadonlySet<string>;
  counters: ReadonlyMap<number, CompiledCounter>;
  countersBySkill: ReadonlyMap<string, readonly number[]>;
  greenReasons: ReadonlySet<string>;
  pauseReasons: ReadonlySet<string>;
  /** A service's route step, if both exist. */
  stepOf(serviceCode: string, stepIndex: number): StepConfig | undefined;
}

export function compileHallConfig(config: HallConfig): CompiledHallConfig {
  const services = new Map(config.services.map((s) => [s.code, s]));
  const counters = new Map<number, CompiledCounter>();
  const countersBySkill = new Map<string, number[]>();
  for (const counter of config.counters) {
    const tierOf = new Map<string, number>();
    counter.skills.forEach((tier, t) => tier.forEach((skill) => tierOf.set(skill, t)));
    counters.set(counter.number, { config: counter, tierOf, skills: counter.skills.flat() });
    for (const skill of tierOf.keys()) {
      const list = countersBySkill.get(skill) ?? [];
      list.push(counter.number);
      countersBySkill.set(skill, list);
    }
  }
  return {
    config,
    services,
    skills: new Set(config.skills.map((s) => s.code)),
    departments: new Set(config.departments.map((d) => d.code)),
    counters,
    countersBySkill,
    greenReasons: new Set(config.priority.greenChannelReasons.map((r) => r.code)),
    pauseReasons: new Set(config.pauseReasons.map((r) => r.code)),
    stepOf: (serviceCode, stepIndex) => services.get(serviceCode)?.route[stepIndex],
  };
}
