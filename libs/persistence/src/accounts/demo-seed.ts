import type { DataSource } from 'typeorm';
import { createAccountIfMissing, upsertUnit } from './accounts.repository';

export const DEMO_UNITS = [
  { id: 'unit-a', name: '示范起草单位甲', nameEn: 'Demo policy unit A' },
  { id: 'unit-b', name: '示范起草单位乙', nameEn: 'Demo policy unit B' },
];

/** The demo accounts of embedded mode (SPEC.md §7). */
export const DEMO_ACCOUNTS = [
  { username: 'admin', unit: 'unit-a', role: 'admin' },
  { username: 'drafter', unit: 'unit-a', role: 'drafter' },
  { username: 'reviewer', unit: 'unit-a', role: 'reviewer' },
  { username: 'manager', unit: 'unit-a', role: 'manager' },
  { username: 'drafter-b', unit: 'unit-b', role: 'drafter' },
] as const;

/** Seeds units and demo accounts; existing accounts keep their passwords. Returns usernames created. */
export async function seedDemoAccounts(dataSource: DataSource, password: string, now: Date): Promise<string[]> {
  for (const unit of DEMO_UNITS) await upsertUnit(dataSource, unit);
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await createAccountIfMissing(dataSource, { ...account, password }, now)) created.push(account.username);
  }
  return created;
}
