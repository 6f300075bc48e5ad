import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { HallErrorCode } from './errors';
import type { Case } from './types';

/** Department officers work the cases forwarded to them: accept, note progress, complete. */

export function acceptCase(ctx: DecideContext, command: HallCommandOf<'case:accept'>): Decision {
  const kase = departmentCase(ctx, command.department, command.serviceNumber);
  if (typeof kase === 'string') return refuse(kase);
  if (kase.state === 'in-department') return refuse('case-already-accepted');
  if (kase.state !== 'forwarded') return refuse('case-not-forwarded');
  return accept({
    type: 'case-accepted',
    at: ctx.now,
    serviceNumber: kase.serviceNumber,
    department: command.department,
    officer: command.officer,
  });
}

export function noteProgress(ctx: DecideContext, command: HallCommandOf<'case:note-progress'>): Decision {
  const kase = departmentCase(ctx, command.department, command.serviceNumber);
  if (typeof kase === 'string') return refuse(kase);
  if (kase.state !== 'forwarded' && kase.state !== 'in-department') return refuse('case-not-forwarded');
  return accept({
    type: 'case-progress-noted',
    at: ctx.now,
    serviceNumber: kase.serviceNumber,
    department: command.department,
    officer: command.officer,
    note: command.note,
  });
}

export function completeCase(ctx: DecideContext, command: HallCommandOf<'case:complete'>): Decision {
  const kase = departmentCase(ctx, command.department, command.serviceNumber);
  if (typeof kase === 'string') return refuse(kase);
  if (kase.state === 'forwarded') return refuse('case-not-accepted');
  if (kase.state !== 'in-department') return refuse('case-not-forwarded');
  return accept({
    type: 'case-completed',
    at: ctx.now,
    serviceNumber: kase.serviceNumber,
    ticketId: null,
    result: command.result,
    department: command.department,
    officer: command.officer,
    note: command.note,
  });
}

function departmentCase(ctx: DecideContext, department: string, serviceNumber: string): Case | HallErrorCode {
  if (!ctx.hall.departments.has(department)) return 'unknown-department';
  const kase = ctx.state.cases.get(serviceNumber);
  if (!kase) return 'unknown-case';
  if (!kase.forwarding) return 'case-not-forwarded';
  if (kase.forwarding.department !== department) return 'wrong-department';
  return kase;
}
