import type { Role } from '../users/user.entity';
import { PAGES_NAV } from './pages/nav-entries';

/** One link of the console's main navigation. */
export interface NavEntry {
  href: string;
  label: string;
  /** Roles that see the link (admin sees every link); omitted = every role. */
  roles?: Role[];
  /** Position in the menu, lowest first. */
  order: number;
}

/** The core pages' links; the other console pages add theirs in pages/nav-entries.ts. */
const CORE_NAV: NavEntry[] = [
  { href: '/', label: 'Beranda', order: 10 },
  { href: '/cerita', label: 'Cerita', order: 20 },
  { href: '/notifikasi', label: 'Notifikasi', order: 90 },
];

const ALL = [...CORE_NAV, ...PAGES_NAV].sort((a, b) => a.order - b.order);

export interface NavLink {
  href: string;
  label: string;
  current: boolean;
}

/** The links this role sees, the current page marked (aria-current). */
export function navFor(role: Role, currentPath: string): NavLink[] {
  const visible = ALL.filter((entry) => role === 'admin' || !entry.roles || entry.roles.includes(role));
  // The longest matching prefix is the current section ("/cerita/123" -> "Cerita", not "Beranda").
  const best = visible
    .filter((e) => (e.href === '/' ? currentPath === '/' : currentPath === e.href || currentPath.startsWith(`${e.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return visible.map((entry) => ({ href: entry.href, label: entry.label, current: entry === best }));
}
