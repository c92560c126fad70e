import { ProblemException } from '../common/problem/problem.exception';
import { MediaProblems } from './media-problems';

/** A full or read-only media directory answered 500 before; now 507 / 503 with a stable code. */
describe('MediaProblems.fromStorage', () => {
  const failure = (code: string) => Object.assign(new Error(`${code}: /data/media/ab/x.jpg`), { code });
  const problem = (code: string) => MediaProblems.fromStorage(failure(code)) as ProblemException;

  it('answers 507 storage_full for a full disk or quota', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      expect(problem(code)).toBeInstanceOf(ProblemException);
      expect(problem(code).problem).toMatchObject({ status: 507, code: 'storage_full' });
    }
  });

  it('answers 503 storage_unavailable, with Retry-After, for a directory that cannot be written, without naming paths', () => {
    for (const code of ['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EIO', 'ENOENT']) {
      expect(problem(code).problem).toMatchObject({ status: 503, code: 'storage_unavailable', headers: { 'Retry-After': '30' } });
      expect(JSON.stringify(problem(code).problem)).not.toMatch(/\/data|x\.jpg/);
    }
  });

  it('passes other errors through unchanged', () => {
    const other = new TypeError('bug');
    expect(MediaProblems.fromStorage(other)).toBe(other);
  });
});
