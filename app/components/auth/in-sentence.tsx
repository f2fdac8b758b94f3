import { Fragment, type ReactNode } from "react";

/** Stands in a translated sentence for the marked-up value `InSentence` puts back. */
export const SLOT = "\uE000";

/**
 * A translated sentence with one marked-up value (an address in bold, a label)
 * wherever the language puts it: the message is made with `SLOT` as the value,
 * and the element goes back in its place.
 */
export function InSentence({ text, children }: { text: string; children: ReactNode }) {
  return (
    <>
      {text.split(SLOT).map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? children : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
