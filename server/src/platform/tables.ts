import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: Date when read, Date or ISO string when written, DB default allowed. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T> = ColumnType<T, string | undefined, string>;

export interface EventsTable {
  id: string;
  type: string;
  actor_user_id: string | null;
  company_id: string | null;
  subject_type: string;
  subject_id: string;
  payload: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  dispatched_at: NullableTimestamp;
  dispatch_attempts: Generated<number>;
  next_dispatch_at: Timestamp;
  last_error: string | null;
}

export interface EventHandlingsTable {
  handler: string;
  event_id: string;
  handled_at: Timestamp;
}

export type JobStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  unique_key: string | null;
  last_error: string | null;
  locked_at: NullableTimestamp;
  locked_by: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface FilesTable {
  id: string;
  owner_company_id: string | null;
  uploaded_by: string | null;
  purpose: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/** Tables owned by the platform layer; each module adds its own with Kysely's withTables<>() in its store. */
export interface PlatformTables {
  events: EventsTable;
  event_handlings: EventHandlingsTable;
  jobs: JobsTable;
  files: FilesTable;
  schema_migrations: SchemaMigrationsTable;
}
