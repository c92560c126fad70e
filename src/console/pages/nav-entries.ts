import type { NavEntry } from '../console-nav';

/**
 * Navigation links of the console pages built in src/console/pages. Roles mirror the API
 * routes behind each page (admin sees every link). Core uses orders 10, 20 and 90.
 */
export const PAGES_NAV: NavEntry[] = [
  { href: '/pengaduan/baru', label: 'Pengaduan baru', roles: ['operator', 'humas'], order: 30 },
  { href: '/umpan-balik/baru', label: 'Umpan balik', roles: ['operator', 'humas'], order: 32 },
  { href: '/prestasi/baru', label: 'Prestasi', roles: ['commander', 'humas'], order: 34 },
  { href: '/posting-manual', label: 'Posting manual', roles: ['humas'], order: 40 },
  { href: '/publikasi', label: 'Publikasi', roles: ['humas'], order: 42 },
  { href: '/mitra', label: 'Mitra media', roles: ['humas'], order: 50 },
  { href: '/templat', label: 'Templat', roles: ['humas'], order: 60 },
  { href: '/anev', label: 'Anev bulanan', roles: ['humas', 'commander'], order: 70 },
  { href: '/akun-resmi', label: 'Akun resmi', roles: ['humas', 'commander'], order: 72 },
  { href: '/koneksi', label: 'Koneksi akun', roles: ['humas'], order: 74 },
  { href: '/admin', label: 'Admin', roles: ['admin'], order: 80 },
];
