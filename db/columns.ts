import type { ColumnType } from "kysely";

/** A timestamp column that the database fills in by default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
