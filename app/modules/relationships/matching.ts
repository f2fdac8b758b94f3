/** Words too common to say anything about what a person wants. */
const STOP_WORDS = new Set(
  "a an and are as at be by for from get grow in into is it known my of on or our the to with more about as an expert".split(
    " ",
  ),
);

/** The meaningful words of a text, lower-case: "Speak at a conference" → speak, conference. */
export function keywords(...texts: string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts)
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (word.length >= 3 && !STOP_WORDS.has(word)) words.add(word);
  return words;
}

/** The words two sets share. */
export function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((w) => b.has(w));
}
