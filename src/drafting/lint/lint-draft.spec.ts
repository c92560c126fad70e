import { lintDraft } from './lint-draft';
import { jaccard, nearDuplicateFinding, ShingleCache, shingles } from './near-duplicate';

const codes = (findings: { code: string; severity: string }[]) => findings.map((f) => `${f.code}:${f.severity}`).sort();
const clean = 'Polsek Kebayoran Baru menuntaskan laporan warga pada Minggu (25/10/2026) pukul 16.40 WIB.';

describe('lintDraft', () => {
  it('finds nothing in a clean draft', () => {
    expect(lintDraft({ channel: 'website', title: 'Polsek Tuntaskan Laporan Warga', body: clean }, { hasImage: true })).toEqual([]);
    expect(lintDraft({ channel: 'x', title: null, body: `${clean} https://example.go.id/rilis/a #PolriPresisi` }, { hasImage: false })).toEqual([]);
  });

  it('counts X by twitter-text\'s weighting: a long URL is 23, an emoji 2', () => {
    const url = `https://humas.example.go.id/rilis/${'a'.repeat(200)}`;
    expect(lintDraft({ channel: 'x', title: null, body: `${'a'.repeat(256)} ${url}` }, { hasImage: false })).toEqual([]);
    expect(codes(lintDraft({ channel: 'x', title: null, body: `${'a'.repeat(257)} ${url}` }, { hasImage: false }))).toEqual(['too_long:error']);
    expect(codes(lintDraft({ channel: 'x', title: null, body: '😀'.repeat(141) }, { hasImage: false }))).toEqual(['too_long:error']);
  });

  it('checks each channel\'s own limits', () => {
    expect(codes(lintDraft({ channel: 'whatsapp', title: null, body: 'a '.repeat(2049) }, { hasImage: false }))).toEqual(['too_long:error']);
    expect(codes(lintDraft({ channel: 'website', title: 'J'.repeat(121), body: clean }, { hasImage: false }))).toEqual(['title_too_long:error']);
    expect(codes(lintDraft({ channel: 'website', title: '', body: clean }, { hasImage: false }))).toEqual(['title_missing:error']);
    expect(codes(lintDraft({ channel: 'telegram', title: null, body: 'a '.repeat(600) }, { hasImage: true }))).toEqual(['caption_too_long:warning']);
  });

  it('limits hashtags: an error beyond 30 on Instagram, a warning beyond 3 on X', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#Tagar${i}`).join(' ');
    expect(lintDraft({ channel: 'instagram', title: null, body: `${clean}\n${tags(30)}` }, { hasImage: true })).toEqual([]);
    expect(codes(lintDraft({ channel: 'instagram', title: null, body: `${clean}\n${tags(31)}` }, { hasImage: true }))).toEqual(['too_many_hashtags:error']);
    expect(codes(lintDraft({ channel: 'x', title: null, body: `Kabar ${tags(4)}` }, { hasImage: false }))).toEqual(['too_many_hashtags:warning']);
  });

  it('warns when a channel that needs an image has none', () => {
    expect(codes(lintDraft({ channel: 'instagram', title: null, body: clean }, { hasImage: false }))).toEqual(['image_missing:warning']);
  });

  it('points at personal data without quoting it', () => {
    const body = 'Hubungi pelapor di 0812-8877-1234 atau andreas@example.com.';
    const findings = lintDraft({ channel: 'facebook', title: null, body }, { hasImage: false });
    expect(codes(findings)).toEqual(['personal_data:error', 'personal_data:error']);
    expect(body.slice(findings[0].start, findings[0].end)).toBe('0812-8877-1234');
    expect(JSON.stringify(findings)).not.toMatch(/8877|andreas/);
  });

  it('finds template left-overs, doubled spaces and empty parentheses', () => {
    const findings = lintDraft({ channel: 'facebook', title: null, body: 'Oleh undefined pada  () {{unit.name}} [object Object]' }, { hasImage: false });
    expect(codes(findings)).toEqual(['double_space:warning', 'empty_parentheses:warning', 'placeholder:error', 'placeholder:error', 'placeholder:error', 'placeholder:error']);
  });
});

describe('nearDuplicateFinding', () => {
  const release = 'Polsek Kebayoran Baru berhasil mengembalikan sepeda motor warga yang hilang di wilayah Gunung dalam delapan jam setelah laporan diterima melalui WhatsApp. Petugas piket Reskrim menelusuri rekaman CCTV di sekitar lokasi, mengamankan terduga pelaku, lalu menyerahkan motor kepada pemiliknya di kantor polisi.';
  it('warns about a release that reads almost like a recent one', () => {
    const finding = nearDuplicateFinding(release.replace('delapan', 'sembilan'), [{ title: 'Motor kembali', body: release }]);
    expect(finding).toMatchObject({ code: 'near_duplicate', severity: 'warning' });
    expect(finding!.message).toContain('Motor kembali');
  });
  it('stays quiet for different stories', () => {
    expect(nearDuplicateFinding(release, [{ title: 'Lain', body: 'Satlantas mengurai kemacetan panjang di Jalan HR Rasuna Said akibat truk mogok pada pagi hari' }])).toBeNull();
  });
  it('compares the same way from the cache, without the text, and skips what is neither cached nor read', () => {
    const cache = new ShingleCache(2);
    expect(nearDuplicateFinding(release, [{ title: 'Motor kembali', body: release, key: 's1:1' }], cache)).not.toBeNull();
    // s1:1 is cached now: its text need not be read again
    expect(nearDuplicateFinding(release, [{ title: 'Motor kembali', key: 's1:1' }], cache)).not.toBeNull();
    expect(nearDuplicateFinding(release, [{ title: 'Tidak terbaca', key: 's9:1' }], cache)).toBeNull();
    // the least recently used entry leaves first
    cache.get('s2:1', 'dua'); cache.get('s3:1', 'tiga');
    expect(cache.has('s1:1')).toBe(false);
    expect(cache.has('s3:1')).toBe(true);
  });
  it('cuts texts into distinct, sorted shingles whatever the case and punctuation', () => {
    const a = shingles('Motor warga kembali, dalam delapan jam!');
    expect(Array.from(a)).toEqual(Array.from(shingles('motor WARGA kembali dalam delapan jam')));
    expect(a.length).toBe(3);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, shingles('tiga kata saja'))).toBe(0);
  });
});
