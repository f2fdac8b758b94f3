import { Fragment, type ReactNode } from "react";

const MARK = "\u0000";

/**
 * A translated sentence with one link inside it, wherever the language puts
 * it: `message` is the sentence formatted with `{link}` set to `linkMark`,
 * and `link` the element to show there.
 */
export function Linked({ message, link }: { message: string; link: ReactNode }) {
  const [before, ...rest] = message.split(MARK);
  const after = rest.join("");
  return (
    <>
      {before}
      {rest.length ? <Fragment>{link}</Fragment> : null}
      {after}
    </>
  );
}

/** The value for `{link}` when formatting a message for `Linked`. */
export const linkMark = MARK;
