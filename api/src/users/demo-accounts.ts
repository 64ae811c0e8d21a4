import type { Role } from 'contracts';

/**
 * Demo accounts (password "demo"), in their own file without framework imports: the browser tests
 * seed them into a PostgreSQL database too, where the product itself never makes them.
 * The full demo data is for 's-Gravenhage (GM0518), so that is everyone's home.
 */
export const DEMO_HOME = 'GM0518';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; scope: string[] | null }[] = [
  { email: 'admin@demo.local', name: 'Demo beheerder', role: 'admin', scope: null },
  { email: 'analyst@demo.local', name: 'Demo analist', role: 'analyst', scope: null },
  { email: 'manager@demo.local', name: 'Demo teammanager', role: 'manager', scope: null },
  { email: 'council@demo.local', name: 'Demo raadslid', role: 'council', scope: null },
];
