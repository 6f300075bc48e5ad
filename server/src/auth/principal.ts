import { assertNever, type ConnectionRole } from '@yizhan/shared';
import type { Device } from './devices';
import type { StaffAccount } from './staff-accounts';

/** Who is on the other end of a connection, as established at the handshake. */
export type Principal =
  | { kind: 'public' }
  | { kind: 'device'; device: Device }
  | { kind: 'staff'; account: StaffAccount; expiresAt: number };

export function roleOf(principal: Principal): ConnectionRole {
  switch (principal.kind) {
    case 'public':
      return 'public';
    case 'device':
      return principal.device.kind;
    case 'staff':
      return principal.account.role;
    default:
      return assertNever(principal);
  }
}

/** The audit trail's name for the principal (the `actor` column of the event log). */
export function actorOf(principal: Principal): `device:${string}` | `staff:${string}` | 'system:public' {
  switch (principal.kind) {
    case 'public':
      return 'system:public';
    case 'device':
      return `device:${principal.device.id}`;
    case 'staff':
      return `staff:${principal.account.id}`;
    default:
      return assertNever(principal);
  }
}
