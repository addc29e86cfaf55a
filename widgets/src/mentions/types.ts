/** The answer of POST /mentions/v1 (api/mentions/mentions.ts). */
export interface MentionCard {
  name: string;
  description: string;
  facts: Array<{ label: string; value: string; sources: Array<{ name: string; url: string | null }> }>;
  url: string;
}

export interface MentionsAnswer {
  hash: string;
  /** UTF-16 offsets into the text sent. */
  mentions: Array<{ entity: string; start: number; end: number }>;
  entities: Record<string, MentionCard>;
}
