import { Fragment, type ReactNode } from "react";

const MARK = "\u2063";

/** The stand-in for a part of a sentence that is markup (a link, a time), for `t(…, slots(…))`. */
export function slots<K extends string>(...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as Record<
    K,
    string
  >;
}

/**
 * A translated sentence with markup in it, in the order its language puts the
 * parts: `fill(t(KEY, slots("author", "time")), { author: <Link/>, time: <TimeAgo/> })`.
 */
export function fill(message: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = message.split(MARK);
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 && piece in parts ? (
          <Fragment key={i}>{parts[piece]}</Fragment>
        ) : (
          <Fragment key={i}>{piece}</Fragment>
        ),
      )}
    </>
  );
}
