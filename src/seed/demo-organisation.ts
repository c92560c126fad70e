import type { ApprovalPolicy, UnitHandles, UnitLevel, UnitTimezone } from '../units/unit.entity';
import type { Role } from '../users/user.entity';

/**
 * Gaung's own demo organisation: three Polda in the three time zones (WIB, WITA, WIT), with
 * Polres and Polsek below them and a user of every role. Written for the demo, not real data.
 */
export interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parent: string | null;
  city: string;
  timezone: UnitTimezone;
  handles: UnitHandles;
  hashtags: string[];
  approvalPolicy: ApprovalPolicy;
}

export interface DemoUser {
  username: string;
  displayName: string;
  rank: string;
  role: Role;
  unit: string;
}

/** Every demo user has this password; it is printed at first start and named in README. */
export const DEMO_PASSWORD = 'gaung-demo-2026';

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'POLDA-METRO', name: 'Polda Metro Jaya', level: 'polda', parent: null, city: 'Jakarta', timezone: 'Asia/Jakarta',
    handles: { instagram: '@demo_poldametro', x: '@demo_poldametro' }, hashtags: ['#PoldaMetroJaya', '#PolriPresisi'], approvalPolicy: 'self' },
  { code: 'POLRES-JAKSEL', name: 'Polres Metro Jakarta Selatan', level: 'polres', parent: 'POLDA-METRO', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta',
    handles: { instagram: '@demo_polresjaksel', x: '@demo_polresjaksel' }, hashtags: ['#PolresJaksel'], approvalPolicy: 'self' },
  { code: 'POLSEK-KEBAYORAN-BARU', name: 'Polsek Kebayoran Baru', level: 'polsek', parent: 'POLRES-JAKSEL', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta',
    handles: { instagram: '@demo_polsekkebayoranbaru' }, hashtags: ['#PolsekKebayoranBaru'], approvalPolicy: 'self' },
  { code: 'POLSEK-CILANDAK', name: 'Polsek Cilandak', level: 'polsek', parent: 'POLRES-JAKSEL', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta',
    handles: {}, hashtags: [], approvalPolicy: 'parent' },
  { code: 'POLRES-JAKTIM', name: 'Polres Metro Jakarta Timur', level: 'polres', parent: 'POLDA-METRO', city: 'Jakarta Timur', timezone: 'Asia/Jakarta',
    handles: { instagram: '@demo_polresjaktim' }, hashtags: ['#PolresJaktim'], approvalPolicy: 'two_step' },
  { code: 'POLSEK-DUREN-SAWIT', name: 'Polsek Duren Sawit', level: 'polsek', parent: 'POLRES-JAKTIM', city: 'Jakarta Timur', timezone: 'Asia/Jakarta',
    handles: {}, hashtags: [], approvalPolicy: 'parent' },
  { code: 'POLDA-SULSEL', name: 'Polda Sulawesi Selatan', level: 'polda', parent: null, city: 'Makassar', timezone: 'Asia/Makassar',
    handles: { instagram: '@demo_poldasulsel' }, hashtags: ['#PoldaSulsel', '#PolriPresisi'], approvalPolicy: 'self' },
  { code: 'POLRESTABES-MAKASSAR', name: 'Polrestabes Makassar', level: 'polres', parent: 'POLDA-SULSEL', city: 'Makassar', timezone: 'Asia/Makassar',
    handles: { instagram: '@demo_polrestabesmakassar' }, hashtags: ['#PolrestabesMakassar'], approvalPolicy: 'self' },
  { code: 'POLSEK-PANAKKUKANG', name: 'Polsek Panakkukang', level: 'polsek', parent: 'POLRESTABES-MAKASSAR', city: 'Makassar', timezone: 'Asia/Makassar',
    handles: {}, hashtags: [], approvalPolicy: 'parent' },
  { code: 'POLDA-PAPUA', name: 'Polda Papua', level: 'polda', parent: null, city: 'Jayapura', timezone: 'Asia/Jayapura',
    handles: { instagram: '@demo_poldapapua' }, hashtags: ['#PoldaPapua', '#PolriPresisi'], approvalPolicy: 'self' },
  { code: 'POLRESTA-JAYAPURA', name: 'Polresta Jayapura Kota', level: 'polres', parent: 'POLDA-PAPUA', city: 'Jayapura', timezone: 'Asia/Jayapura',
    handles: { instagram: '@demo_polrestajayapura' }, hashtags: ['#PolrestaJayapura'], approvalPolicy: 'self' },
  { code: 'POLSEK-ABEPURA', name: 'Polsek Abepura', level: 'polsek', parent: 'POLRESTA-JAYAPURA', city: 'Jayapura', timezone: 'Asia/Jayapura',
    handles: {}, hashtags: [], approvalPolicy: 'parent' },
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'humas.metro', displayName: 'Rini Astuti', rank: 'AKBP', role: 'humas', unit: 'POLDA-METRO' },
  { username: 'humas.jaksel', displayName: 'Nurul Hidayah', rank: 'Kompol', role: 'humas', unit: 'POLRES-JAKSEL' },
  { username: 'humas.kebayoran', displayName: 'Dimas Pratama', rank: 'Bripka', role: 'humas', unit: 'POLSEK-KEBAYORAN-BARU' },
  { username: 'kapolsek.kebayoran', displayName: 'Bambang Wijanarko', rank: 'Kompol', role: 'commander', unit: 'POLSEK-KEBAYORAN-BARU' },
  { username: 'operator.kebayoran', displayName: 'Siti Aminah', rank: 'Brigpol', role: 'operator', unit: 'POLSEK-KEBAYORAN-BARU' },
  { username: 'humas.jaktim', displayName: 'Yudha Permana', rank: 'AKP', role: 'humas', unit: 'POLRES-JAKTIM' },
  { username: 'humas.makassar', displayName: 'Andi Baso Mappasessu', rank: 'AKP', role: 'humas', unit: 'POLRESTABES-MAKASSAR' },
  { username: 'operator.panakkukang', displayName: 'Rahmat Daeng Nai', rank: 'Bripda', role: 'operator', unit: 'POLSEK-PANAKKUKANG' },
  { username: 'humas.papua', displayName: 'Yohana Kogoya', rank: 'Kompol', role: 'humas', unit: 'POLDA-PAPUA' },
  { username: 'kapolsek.abepura', displayName: 'Markus Wenda', rank: 'AKP', role: 'commander', unit: 'POLSEK-ABEPURA' },
];
