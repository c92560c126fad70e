import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import type { StoriesService } from '../stories/stories.service';
import type { ScopeService } from '../units/scope.service';
import { localToInstant } from './local-time';

/** The story unit's zone: dates and times in the story page's forms are typed in it. */
export async function zoneOfStory(stories: StoriesService, scope: ScopeService, user: AuthUser, id: string): Promise<string> {
  const story = await stories.find(user, id);
  return (await scope.findByCode(story.unitCode as string))?.timezone ?? 'Asia/Jakarta';
}

/** A datetime-local field as an ISO instant (empty: none); an impossible value is a 400 naming the field. */
export function instantField(local: string, zone: string, field: string): string | null {
  if (!local) return null;
  const at = localToInstant(local, zone);
  if (!at) throw ProblemException.validation([{ field, code: 'invalid_datetime', message: 'tanggal dan jam tidak valid' } as { field: string; message: string }]);
  return at.toISOString();
}
