import type { ColumnType } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A website allowed to frame the embeddable widgets (scheme, host and port only). */
export interface EmbedOriginsTable {
  origin: string;
  added_by: number | null;
  created_at: CreatedAt;
}

export interface ShareTables {
  embed_origins: EmbedOriginsTable;
}
