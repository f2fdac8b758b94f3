import { Fragment, type ReactNode } from "react";

const MARK = "\u0001";

/** The value to give a message's placeholder that `rich` replaces with an element. */
export const slot = (name: string) => `${MARK}${name}${MARK}`;

/**
 * A translated sentence with elements (links, bold) where its placeholders
 * were, so each language keeps its own word order: `rich(t(message, { board:
 * slot("board") }), { board: <Link…>leaderboard</Link> })`.
 */
export function rich(message: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = message.split(MARK);
  return pieces.map((piece, i) =>
    i % 2 === 1 && piece in parts ? (
      <Fragment key={i}>{parts[piece]}</Fragment>
    ) : (
      <Fragment key={i}>{piece}</Fragment>
    ),
  );
}
