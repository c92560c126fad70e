import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import type { StoryKind } from '../../../drafting/channels';
import { ScopeService } from '../../../units/scope.service';

/**
 * The newest stories of a kind in the caller's scope, offered to preview a template against.
 * Only a short list and never a total: StoriesService.list counts its matches when a page is
 * full, which a picker does not need and which costs a count over the whole scope.
 */
@Injectable()
export class PreviewStories {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  recent(user: AuthUser, kind: StoryKind, limit: number): Promise<{ id: string; title: string; unitCode: string }[]> {
    const params: unknown[] = [kind, limit];
    const inScope = this.scope.sqlCondition(user, 'u', params);
    return this.db.query(
      `SELECT s.id, s.title, u.code AS "unitCode" FROM story s JOIN unit u ON u.id = s.unit_id
        WHERE s.kind = $1 AND ${inScope} ORDER BY s.created_at DESC, s.id LIMIT $2`,
      params,
    );
  }
}
