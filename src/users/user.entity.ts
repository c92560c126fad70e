import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROLES = ['admin', 'humas', 'commander', 'operator'] as const;
export type Role = (typeof ROLES)[number];

@Entity('app_user')
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  username: string;

  @Column('text')
  displayName: string;

  @Column('text', { nullable: true })
  rank: string | null;

  @Column('text')
  role: Role;

  /** Null only for admins, who administer the whole tree. */
  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('text', { select: false })
  passwordHash: string;

  @Column('integer')
  failedLogins: number;

  @Column('timestamptz', { nullable: true })
  firstFailedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
