import {
  applyEvent,
  compileHallConfig,
  decide,
  type CompiledHallConfig,
  type HallCommand,
  type HallConfig,
  type HallErrorCode,
  type HallState,
  type SeqEvent,
} from '@yizhan/shared';
import type { Logger } from 'pino';
import type { Db } from '../db/open-db';
import { HallStore } from '../store/hall-store';
import type { Clock } from './clock';

/** Who did it, for the audit trail: `device:<id>`, `staff:<id>` or `system:<what>`. */
export type Actor = `device:${string}` | `staff:${string}` | `system:${string}`;

export type SubmitResult =
  { ok: true; events: SeqEvent[] } | { ok: false; error: HallErrorCode | 'storage-unavailable' };

export type CommitListener = (events: SeqEvent[]) => void;

export interface HallDeps {
  db: Db;
  clock: Clock;
  config: HallConfig;
  logger: Logger;
}

/**
 * The hall: the engine's live state, kept in step with the file. Each
 * accepted command's events are appended and its projections updated in one
 * immediate transaction; listeners hear of them only after the commit. If the
 * transaction fails, nothing was written and the state is reloaded from the
 * file, so memory never runs ahead of what a restart would see.
 */
export class Hall {
  readonly store: HallStore;
  private liveState: HallState;
  private compiled: CompiledHallConfig;
  private readonly listeners = new Set<CommitListener>();

  constructor(private readonly deps: HallDeps) {
    this.store = new HallStore(deps.db);
    this.compiled = compileHallConfig(deps.config);
    this.liveState = this.store.loadState();
  }

  get state(): HallState {
    return this.liveState;
  }

  get config(): CompiledHallConfig {
    return this.compiled;
  }

  now(): number {
    return Math.floor(this.deps.clock.now());
  }

  seq(): number {
    return this.store.lastSeq();
  }

  /** New rules apply to the next command; tickets already issued keep their numbers. */
  useConfig(config: HallConfig): void {
    this.compiled = compileHallConfig(config);
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  submit(command: HallCommand, actor: Actor): SubmitResult {
    // Whole milliseconds: events store instants as INTEGER, whatever clock is plugged in.
    const now = Math.floor(this.deps.clock.now());
    const decision = decide({ state: this.liveState, hall: this.compiled, now }, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, events: [] };

    const { store } = this;
    const touched = store.touchedBy(this.liveState, decision.events);
    let stored: SeqEvent[];
    try {
      stored = this.deps.db
        .transaction(() => {
          const appended = store.appendEvents(decision.events, actor);
          for (const event of decision.events) applyEvent(this.liveState, event);
          store.writeProjections(this.liveState, touched);
          return appended;
        })
        .immediate();
    } catch (error) {
      this.deps.logger.error(
        { err: error, command: command.type },
        'command not stored; reloading the hall from the file',
      );
      store.resync();
      this.reload();
      return { ok: false, error: 'storage-unavailable' };
    }
    for (const listener of this.listeners) {
      try {
        listener(stored);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'commit listener failed');
      }
    }
    return { ok: true, events: stored };
  }

  /** Rebuilds the live state from the file (after a failed write, or to check a restart). */
  reload(): void {
    try {
      this.liveState = this.store.loadState();
    } catch (error) {
      // Unreadable too: keep serving reads from memory; the next write will try again.
      this.deps.logger.error({ err: error }, 'could not reload the hall from the file');
    }
  }
}
