import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of the append-only audit log (a database trigger refuses UPDATE and DELETE). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  subjectType: string;

  @Column('text', { nullable: true })
  subjectId: string | null;

  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('text', { nullable: true })
  fromState: string | null;

  @Column('text', { nullable: true })
  toState: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb')
  details: Record<string, unknown>;
}
