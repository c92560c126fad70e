import { ProblemException } from '../../../common/problem/problem.exception';
import { convertLocalTimes, formFailure, instantToLocal, localToInstant, nestForm } from './form-input';

describe('console form input', () => {
  it('nests dotted and indexed names, drops blanks and empty rows, keeps repeated values', () => {
    const body = nestForm({
      _csrf: 'token', externalRef: ' LP-1 ', 'location.city': 'Jakarta', 'location.district': '',
      'stages[0].at': '2026-11-02T08:00:00+07:00', 'stages[0].label': 'Tiba', 'stages[1].at': '', 'stages[1].label': '',
      'stages[2].label': 'Selesai', 'quotes[0].speaker.name': 'Doni', mediaIds: 'a', 'complainant.phone': '',
    }, ['mediaIds']);
    expect(body).toEqual({
      externalRef: 'LP-1', location: { city: 'Jakarta' },
      stages: [{ at: '2026-11-02T08:00:00+07:00', label: 'Tiba' }, { label: 'Selesai' }],
      quotes: [{ speaker: { name: 'Doni' } }], mediaIds: ['a'],
    });
    expect(nestForm({ mediaIds: ['a', '', 'b'] }, ['mediaIds'])).toEqual({ mediaIds: ['a', 'b'] });
  });

  it('passes names outside the grammar through for the DTO to refuse by name', () => {
    expect(nestForm({ 'a..b': 'x', '9lives': 'y' })).toEqual({ 'a..b': 'x', '9lives': 'y' });
  });

  it('refuses names that would reach a prototype, and pollutes nothing', () => {
    for (const name of ['constructor.prototype.polluted', '__proto__.polluted', 'a.__proto__.polluted', 'stages[0].constructor', 'prototype']) {
      expect(() => nestForm({ [name]: 'yes' })).toThrow(ProblemException);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // a scalar then a nested name for the same key does not walk into the string
    expect(nestForm({ location: 'Jakarta', 'location.city': 'Bogor' })).toEqual({ location: { city: 'Bogor' } });
  });

  it('reads datetime-local values in the unit’s zone', () => {
    expect(localToInstant('2026-11-02T07:45', 'Asia/Jakarta')).toBe('2026-11-02T07:45:00+07:00');
    expect(localToInstant('2026-11-02T07:45', 'Asia/Makassar')).toBe('2026-11-02T07:45:00+08:00');
    expect(localToInstant('2026-11-02T07:45:30', 'Asia/Jayapura')).toBe('2026-11-02T07:45:30+09:00');
    expect(localToInstant('kemarin', 'Asia/Jakarta')).toBe('kemarin');
    expect(new Date(localToInstant('2026-11-02T07:45', 'Asia/Jakarta')).toISOString()).toBe('2026-11-02T00:45:00.000Z');
    expect(instantToLocal(new Date('2026-11-02T00:45:00Z'), 'Asia/Jayapura')).toBe('2026-11-02T09:45');
    const converted = convertLocalTimes({ receivedAt: '2026-11-02T07:45', 'stages[3].at': '2026-11-02T08:00', summary: '2026-11-02T07:45' }, ['receivedAt', 'stages[].at'], 'Asia/Jakarta');
    expect(converted).toEqual({ receivedAt: '2026-11-02T07:45:00+07:00', 'stages[3].at': '2026-11-02T08:00:00+07:00', summary: '2026-11-02T07:45' });
  });

  it('turns a problem into messages by field and rethrows anything else', () => {
    const failure = formFailure(ProblemException.validation([{ field: 'summary', message: 'too short' }, { field: 'summary', message: 'must be a string' }]));
    expect(failure).toEqual({ fields: { summary: 'too short; must be a string' }, message: 'Periksa 1 isian yang ditandai.', status: 400 });
    // the officer reads Indonesian, not the API's English detail (issue 19)
    expect(formFailure(ProblemException.conflict('external_ref_conflict', 'Already received.'))).toMatchObject({
      status: 409, message: 'Nomor referensi laporan ini sudah dipakai untuk laporan lain dengan isi berbeda. Periksa nomornya.',
    });
    expect(() => formFailure(new Error('boom'))).toThrow('boom');
  });
});
