import type { ReactNode } from "react";
import { cn } from "~/utils/cn.ts";

type Tone = "neutral" | "brand" | "spot" | "info" | "danger";
// One class per tone (app/tailwind.css): badges repeat on every post card of a long page.
const tones: Record<Tone, string> = {
  neutral: "badge-neutral",
  brand: "badge-brand",
  spot: "badge-spot",
  info: "badge-info",
  danger: "badge-danger",
};

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return <span className={cn("badge", tones[tone], className)}>{children}</span>;
}
