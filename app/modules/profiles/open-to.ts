/** What an advocate can say they are open to being asked about. */
export const OPEN_TO = [
  { key: "open_to_speaking", field: "openToSpeaking", label: "Speaking" },
  { key: "open_to_references", field: "openToReferences", label: "References" },
  { key: "open_to_case_studies", field: "openToCaseStudies", label: "Case studies" },
  { key: "open_to_mentoring", field: "openToMentoring", label: "Mentoring" },
] as const;
export type OpenToKey = (typeof OPEN_TO)[number]["key"];
