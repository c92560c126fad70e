import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TokenKind = 'session' | 'api';

/** A login session or a named API token; only the SHA-256 of the secret is stored. */
@Entity('api_token')
export class ApiToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  kind: TokenKind;

  @Column('text')
  name: string;

  @Column('bytea', { select: false })
  tokenHash: Buffer;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
