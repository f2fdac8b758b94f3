import type { ColumnType } from "kysely";

/** A timestamp column that the database fills in by default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The languages content can be written in: the shipped ones (a check constraint holds it). */
export type WrittenIn = "en" | "zh" | "es";
/** A content row's language: English unless the writer's words say otherwise. */
export type LanguageColumn = ColumnType<WrittenIn, WrittenIn | undefined, WrittenIn>;
