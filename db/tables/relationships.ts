import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Time = ColumnType<Date, Date | string, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** One goal, in the advocate's own words ("speak at a conference"). */
export interface AdvocateGoalsTable {
  id: Generated<number>;
  user_id: number;
  /** 1-based order in the advocate's list. */
  position: number;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A conversation the community team had with an advocate: staff-only notes. */
export interface RelationshipConversationsTable {
  id: Generated<number>;
  advocate_id: number;
  author_id: number | null;
  /** The day it was held (stored at noon UTC, so the day reads the same everywhere). */
  held_at: Time;
  notes: string;
  created_at: CreatedAt;
}

/** Something the community team will do for an advocate, by a date; staff-only. */
export interface RelationshipNextStepsTable {
  id: Generated<number>;
  advocate_id: number;
  owner_id: number | null;
  body: string;
  due_at: Time;
  reminded_at: MaybeTime;
  done_at: MaybeTime;
  done_by: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

/** Goals, conversations and next steps, owned by app/modules/relationships. */
export interface RelationshipTables {
  advocate_goals: AdvocateGoalsTable;
  relationship_conversations: RelationshipConversationsTable;
  relationship_next_steps: RelationshipNextStepsTable;
}
