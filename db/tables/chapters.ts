import type { ColumnType, Generated } from "kysely";
import type { CreatedAt } from "../columns.ts";

type Stamp = ColumnType<Date, Date | string, Date | string>;

export interface ChaptersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  /** BCP 47 language the chapter meets in ("es", "zh-CN", "en"). */
  language: Generated<string>;
  /** Continent-sized region used by the region filters ("Europe", "Asia", "South America"). */
  region: string;
  /** ISO 3166-1 alpha-2 country, or null for a chapter spanning several (e.g. the Nordics). */
  country: string | null;
  /** Where the chapter usually meets; its calendar feed's default zone. */
  time_zone: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface ChapterLeadersTable {
  chapter_id: number;
  user_id: number;
  appointed_by: number | null;
  appointed_at: Stamp;
}

export interface ChapterMembersTable {
  chapter_id: number;
  user_id: number;
  joined_at: Stamp;
}

export interface ChapterTables {
  chapters: ChaptersTable;
  chapter_leaders: ChapterLeadersTable;
  chapter_members: ChapterMembersTable;
}
