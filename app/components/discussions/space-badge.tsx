import { Link } from "@remix-run/react";

/** A space's name with its colour marker, linking to the space. */
export function SpaceBadge({
  space,
  link = true,
}: {
  space: { slug: string; name: string; colour: string };
  link?: boolean;
}) {
  const content = (
    <>
      <span
        aria-hidden="true"
        className="inline-block h-2.5 w-2.5 rounded-sm"
        style={{ backgroundColor: space.colour }}
      />
      {space.name}
    </>
  );
  const className =
    "inline-flex items-center gap-1.5 text-xs font-medium text-stone-700 dark:text-stone-300";
  return link ? (
    <Link to={`/s/${space.slug}`} className={`${className} hover:underline`}>
      {content}
    </Link>
  ) : (
    <span className={className}>{content}</span>
  );
}
