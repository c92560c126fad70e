/**
 * Word lists of the normaliser and of the editorial lint. Kept in one place so that what
 * `rapikan` mends and what the lint still flags never drift apart.
 */

/**
 * Chat abbreviations operators and citizens type, with the full word. Only unambiguous ones:
 * "dr" (dari / dokter) and "sm" (sama / Samapta) are left to the lint's eye.
 */
export const SINGKATAN_CHAT: Readonly<Record<string, string>> = {
  yg: 'yang', sdh: 'sudah', udh: 'sudah', sdah: 'sudah', tdk: 'tidak', tdak: 'tidak', gk: 'tidak', krn: 'karena', krna: 'karena',
  utk: 'untuk', utuk: 'untuk', dgn: 'dengan', dg: 'dengan', lg: 'lagi', bgt: 'banget', mks: 'makasih', mksh: 'makasih',
  tks: 'terima kasih', thx: 'terima kasih', trims: 'terima kasih', trimakasih: 'terima kasih', trmksh: 'terima kasih', makasi: 'makasih',
  tp: 'tapi', tpi: 'tapi', jg: 'juga', blm: 'belum', blum: 'belum', bs: 'bisa', bsa: 'bisa', sy: 'saya', sya: 'saya',
  kmi: 'kami', org: 'orang', bpk: 'bapak', pk: 'pak', dpt: 'dapat', hrs: 'harus', msh: 'masih', skrg: 'sekarang', skr: 'sekarang',
  smg: 'semoga', spt: 'seperti', sprt: 'seperti', dlm: 'dalam', pd: 'pada', kpd: 'kepada', ttg: 'tentang', tsb: 'tersebut',
  dsb: 'dan sebagainya', dll: 'dan lain-lain', trs: 'terus', byk: 'banyak', bnyk: 'banyak', sdgkan: 'sedangkan', sblm: 'sebelum',
  stlh: 'setelah', stelah: 'setelah', sbg: 'sebagai', jd: 'jadi', jdi: 'jadi', sm2: 'sama-sama', klo: 'kalau', kl: 'kalau',
  kalo: 'kalau', gmn: 'bagaimana', knp: 'kenapa', dtg: 'datang', lsg: 'langsung', lgsg: 'langsung', lgs: 'langsung',
  cpt: 'cepat', ckp: 'cukup', bnr: 'benar', bener: 'benar', wkt: 'waktu', sdkt: 'sedikit', sklh: 'sekolah', plg: 'pulang',
  krm: 'kirim', dkt: 'dekat', dpn: 'depan', blkg: 'belakang', sbrg: 'seberang', jln: 'jalan', rmh: 'rumah', kmrn: 'kemarin',
  ttp: 'tetap', sj: 'saja', sgt: 'sangat', bbrp: 'beberapa', sdg: 'sedang', lwt: 'lewat', gmna: 'gimana', aj: 'aja',
};

/**
 * Informal spellings an operator's report may carry; replaced only in operator text (summary,
 * resolution, stages, narrative), never inside a citizen's quote, whose words are kept.
 */
export const EJAAN_BAKU: Readonly<Record<string, string>> = {
  ilang: 'hilang', gak: 'tidak', ga: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', udah: 'sudah', dah: 'sudah',
  aja: 'saja', dapet: 'dapat', nyuri: 'mencuri', gimana: 'bagaimana', banget: 'sekali', maksa: 'memaksa', ngancam: 'mengancam',
  bikin: 'membuat', sampe: 'sampai', himbauan: 'imbauan', himbau: 'imbau', menghimbau: 'mengimbau', dihimbau: 'diimbau', abis: 'habis', kayak: 'seperti', karna: 'karena', tapi: 'tetapi',
  lapor: 'melapor', nyampe: 'sampai', balikin: 'mengembalikan', dibalikin: 'dikembalikan',
};

/**
 * Acronyms that keep their capitals when a run in capitals is put into sentence case.
 * Short words of capitals not listed here are kept too (see isAkronim): they are usually
 * acronyms we do not know, and a wrongly kept acronym reads better than a lowered one.
 */
export const AKRONIM = new Set([
  'SPKT', 'SIM', 'SKCK', 'KDRT', 'TKP', 'CCTV', 'ATM', 'KTP', 'KK', 'RT', 'RW', 'TNI', 'POLRI', 'BNN', 'PUPR', 'PNBP', 'BPKB',
  'STNK', 'SD', 'SMP', 'SMA', 'SMK', 'MTS', 'PPA', 'UPTD', 'P2TP2A', 'PLN', 'PDAM', 'BPBD', 'DPRD', 'RS', 'RSUD', 'RSU', 'PT', 'CV',
  'UMKM', 'BLT', 'BBM', 'SPBU', 'WIB', 'WITA', 'WIT', 'NIK', 'HP', 'WA', 'IG', 'FB', 'DPO', 'OTK', 'LP', 'NRP', 'PNS', 'ASN',
  'KUA', 'KPU', 'BMKG', 'SAR', 'SKTLK', 'PJU', 'SOP', 'KBM', 'APBD', 'OPD', 'LSM', 'AKP', 'AKBP', 'IPTU', 'IPDA',
  'PPKS', 'UU', 'KUHP', 'ODGJ', 'TPPO', 'ITE', 'QRIS', 'BRI', 'BNI', 'BCA', 'MUI', 'FKUB', 'PKK', 'LPM', 'BKO', 'SATPAM', 'OJK',
  'KPAI', 'DP3A', 'DP3AKB', 'SAPA', 'UPT', 'RSJ', 'IGD', 'ICU', 'PMI', 'DKI', 'NTT', 'NTB', 'DIY', 'USG', 'GPS', 'SMS', 'ID',
]);

/** Capitalised words of police and public life that keep their capital when a caps run is lowered. */
export const KATA_KAPITAL: ReadonlyMap<string, string> = new Map(
  [
    'Polri', 'Polsek', 'Polres', 'Polresta', 'Polrestabes', 'Polda', 'Mabes', 'Mapolsek', 'Mapolres', 'Mapolresta', 'Mapolda',
    'Kapolsek', 'Kapolres', 'Kapolresta', 'Kapolrestabes', 'Kapolda', 'Wakapolsek', 'Wakapolres', 'Wakapolda', 'Kanit', 'Kasat',
    'Kabag', 'Kabagops', 'Kasi', 'Kapospol', 'Satlantas', 'Satreskrim', 'Satresnarkoba', 'Satbinmas', 'Satsamapta', 'Sabhara',
    'Samapta', 'Reskrim', 'Propam', 'Binmas', 'Intelkam', 'Bhabinkamtibmas', 'Babinsa', 'Brimob', 'Presisi', 'Satpas', 'Dishub',
    'Basarnas', 'Damkar', 'Puskesmas', 'Bripka', 'Brigpol', 'Briptu', 'Bripda', 'Aiptu', 'Aipda', 'Iptu', 'Ipda', 'Kompol', 'Kombes',
    'Brigjen', 'Irjen', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu', 'Januari', 'Februari', 'Maret', 'April',
    'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember', 'Allah', 'Alhamdulillah', 'Tuhan',
    'Indonesia', 'Jakarta', 'Lebaran', 'Idulfitri', 'Natal', 'Ramadan', 'Bhayangkara', 'Pancasila', 'Biro',
  ].map((word) => [word.toLowerCase(), word]),
);

/**
 * Words after which a lowered caps run keeps the next words capitalised (a street, a village,
 * a market are names): "JALAN SISINGAMANGARAJA" -> "Jalan Sisingamangaraja".
 */
export const PEMICU_NAMA = new Set([
  'jalan', 'jl', 'gang', 'gg', 'kelurahan', 'kel', 'kecamatan', 'kec', 'desa', 'kampung', 'dusun', 'distrik', 'kabupaten', 'kota',
  'pasar', 'masjid', 'gereja', 'pura', 'vihara', 'perumahan', 'komplek', 'kompleks', 'taman', 'pantai', 'terminal', 'stasiun',
  'pelabuhan', 'bandara', 'sekolah', 'universitas', 'sungai', 'pulau', 'simpang', 'bundaran', 'lapangan', 'aula', 'gedung',
]);

/** Function words: lower case inside a title (PUEBI) and where a caps run is lowered. */
export const KATA_TUGAS = new Set([
  'di', 'ke', 'dari', 'dalam', 'dan', 'yang', 'untuk', 'pada', 'oleh', 'dengan', 'atau', 'bagi', 'hingga', 'sejak', 'tentang',
  'terhadap', 'kepada', 'sampai', 'serta', 'atas', 'antara', 'akan', 'agar', 'bahwa', 'per', 'tanpa', 'demi', 'sebagai', 'secara',
  'melalui', 'ala', 'pun', 'lah', 'kah', 'tetapi', 'namun', 'karena', 'jika', 'bila', 'soal', 'usai', 'menuju',
]);

/** Abbreviations whose full stop does not end a sentence. */
export const SINGKATAN_BERTITIK = new Set([
  'jl', 'no', 'dr', 'drs', 'dra', 'ir', 'h', 'hj', 'st', 'sdr', 'sdri', 'kec', 'kel', 'ds', 'gg', 'dll', 'dsb', 'dst', 'pkl', 'bpk',
  'prof', 'kh', 'mr', 'mrs', 'tn', 'ny', 'an', 'up', 'rp', 'km', 'kab', 'prov', 'ket', 'tgl', 'ybs', 'a.n', 'pol', 'brig', 'sh', 'mh',
  'si', 'ik', 'mm', 'se', 'm.si', 's.h', 's.i.k', 'no.', 'kp',
]);

/** Acronyms typed in lower case that are never anything else in a police report: written in capitals. */
export const AKRONIM_KECIL = new Set([
  'tkp', 'cctv', 'spkt', 'skck', 'ktp', 'stnk', 'bpkb', 'kdrt', 'rsud', 'pupr', 'uptd', 'ppa', 'sd', 'smp', 'sma', 'smk', 'tni', 'atm',
  'sim', 'wib', 'wita', 'sktlk', 'pnbp', 'odgj', 'bbm', 'spbu', 'pln', 'pdam', 'bpbd',
]);

/** Police words typed in lower case that are always written capitalised (days and months are not: "minggu" is also a week). */
export const KATA_KAPITAL_SELALU = new Set([
  'polri', 'polsek', 'polres', 'polresta', 'polrestabes', 'polda', 'mapolsek', 'mapolres', 'kapolsek', 'kapolres', 'kapolresta',
  'kapolrestabes', 'kapolda', 'satlantas', 'satreskrim', 'satresnarkoba', 'satbinmas', 'satsamapta', 'reskrim', 'propam', 'bhabinkamtibmas',
  'babinsa', 'brimob', 'samapta', 'sabhara', 'damkar', 'basarnas', 'puskesmas',
]);

/** Names of programmes and services that keep their capitals wherever they are typed in lower case. */
export const NAMA_PROGRAM = ['Jumat Curhat', 'Polisi Kita', 'Call Center 110', 'Quick Wins Presisi', 'Operasi Zebra', 'Operasi Patuh', 'Operasi Ketupat', 'Minggu Kasih', 'Sabtu Berbagi'];
