import type { DeviceKind, Devices } from './devices';
import { generatePassword } from './passwords';
import type { StaffAccounts, StaffRole } from './staff-accounts';

export interface DemoStaffCredentials {
  username: string;
  password: string;
  role: StaffRole;
  name: string;
  department: string | null;
  /** For clerks: the counter the demo suggests they log in to (any free counter works). */
  counter: number | null;
}

export interface DemoDeviceCredentials {
  id: string;
  kind: DeviceKind;
  name: string;
  key: string;
}

export interface DemoCredentials {
  staff: DemoStaffCredentials[];
  devices: DemoDeviceCredentials[];
}

/** Clerks get ordinary names, as the counter display would show a real person's. */
const CLERK_NAMES = ['王芳', '李强', '张敏', '刘洋', '陈静', '杨帆'];
const DEMO_CLERKS = CLERK_NAMES.length;

/**
 * A first run has no accounts, so nobody could log in: create a working set
 * (admin, supervisor, a clerk for each of the first counters, an officer per
 * department, a kiosk and a display) with random passwords and keys, for the
 * caller to print once. Does nothing (null) once any staff account exists, so
 * a real hall's accounts are never touched.
 */
export async function provisionDemo(
  accounts: StaffAccounts,
  devices: Devices,
  opts: { counters: number[]; departments: string[] },
): Promise<DemoCredentials | null> {
  if (accounts.count() > 0) return null;

  const wanted: Omit<DemoStaffCredentials, 'password'>[] = [
    { username: 'admin', role: 'admin', name: '系统管理员', department: null, counter: null },
    { username: 'supervisor', role: 'supervisor', name: '大厅值班长', department: null, counter: null },
    ...opts.counters.slice(0, DEMO_CLERKS).map((counter, i) => ({
      username: `clerk${i + 1}`,
      role: 'clerk' as const,
      name: CLERK_NAMES[i] ?? `${counter}号窗口办事员`,
      department: null,
      counter,
    })),
    ...opts.departments.map((department) => ({
      // Usernames stop at 32 characters; department codes may be longer.
      username: `officer-${department}`.slice(0, 32).replace(/[^a-z0-9._-]/g, '-'),
      role: 'officer' as const,
      name: `处室经办人 ${department}`.slice(0, 40),
      department,
      counter: null,
    })),
  ];

  const staff: DemoStaffCredentials[] = [];
  for (const account of wanted) {
    const password = generatePassword();
    const added = await accounts.add({ ...account, password });
    // Two departments whose codes share their first 24 characters would collide; the first one wins.
    if (!added.ok) continue;
    staff.push({ ...account, password });
  }

  const deviceList: DemoDeviceCredentials[] = [
    devices.provision({ kind: 'kiosk', name: '大厅取号机 1' }),
    devices.provision({ kind: 'display', name: '大厅综合屏' }),
  ].map(({ device, key }) => ({ ...device, key }));

  return { staff, devices: deviceList };
}

/** The credentials as lines for the console, one account or device per line. */
export function formatDemoCredentials(credentials: DemoCredentials): string {
  const lines = ['演示账号 Demo accounts (shown once; change them with `npm run admin`):'];
  for (const s of credentials.staff) {
    const where = s.counter !== null ? ` counter ${s.counter}` : s.department ? ` ${s.department}` : '';
    lines.push(`  ${s.role.padEnd(10)} ${s.username.padEnd(32)} ${s.password}  ${s.name}${where}`);
  }
  for (const d of credentials.devices) {
    lines.push(`  ${d.kind.padEnd(10)} ${d.name}  key ${d.key}`);
  }
  return lines.join('\n');
}
