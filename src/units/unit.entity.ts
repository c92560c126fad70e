import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UNIT_LEVELS = ['polda', 'polres', 'polsek', 'satker'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type UnitTimezone = (typeof UNIT_TIMEZONES)[number];
export const APPROVAL_POLICIES = ['self', 'parent', 'two_step'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];
export const HANDLE_CHANNELS = ['instagram', 'x', 'facebook', 'tiktok', 'youtube'] as const;
export type UnitHandles = Partial<Record<(typeof HANDLE_CHANNELS)[number], string>>;

/** A police unit: Polda > Polres > Polsek (or a Satker), the root of every scope decision. */
@Entity('unit')
export class Unit {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  level: UnitLevel;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  /** Ids from the root down to this unit itself. */
  @Column('uuid', { array: true })
  path: string[];

  @Column('text')
  city: string;

  @Column('text')
  timezone: UnitTimezone;

  @Column('jsonb')
  handles: UnitHandles;

  @Column('text', { array: true })
  hashtags: string[];

  @Column('uuid', { nullable: true })
  logoMediaId: string | null;

  @Column('text')
  approvalPolicy: ApprovalPolicy;

  @Column('integer')
  reviewSlaHours: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
