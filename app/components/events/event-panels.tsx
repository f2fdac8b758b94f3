import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { useTranslation } from "react-i18next";

interface Person {
  id: number;
  handle: string;
  display_name: string;
  attended: boolean | null;
}

/** The seat panel: RSVP, the waitlist place, or giving the seat back. */
export function RsvpPanel({
  status,
  waitlistPlace,
  signedIn,
  open,
  full,
  loginHref,
}: {
  status: "going" | "waitlisted" | "cancelled" | null;
  waitlistPlace: number | null;
  signedIn: boolean;
  open: boolean;
  full: boolean;
  loginHref: string;
}) {
  const { t } = useTranslation();
  if (!open) return null;
  if (!signedIn)
    return (
      <a href={loginHref} className="font-medium text-brand-700 underline dark:text-brand-300">
        {t("events.signInForSeat")}
      </a>
    );
  if (status === "going" || status === "waitlisted")
    return (
      <div className="space-y-2">
        <p className="font-medium" role="status">
          {status === "going"
            ? t("events.haveSeat")
            : t("events.waitlistPlace", { place: waitlistPlace ?? 0 })}
        </p>
        <Form
          method="post"
          onSubmit={(e) => {
            if (!confirm(t("events.confirmGiveUp"))) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="cancelRsvp" />
          <Button type="submit" variant="ghost">
            {status === "going" ? t("events.cancelSeat") : t("events.leaveWaitlist")}
          </Button>
        </Form>
      </div>
    );
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="rsvp" />
      <Button type="submit">{full ? t("events.joinWaitlist") : t("events.rsvp")}</Button>
    </Form>
  );
}

/** After the event: the organiser ticks who came. */
export function AttendancePanel({
  attendees,
  recorded,
}: {
  attendees: Person[];
  recorded: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card className="p-5">
      <h2 className="font-semibold">{t("events.attendance")}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {t("events.attendanceIntro")}
      </p>
      {attendees.length === 0 ? <p className="mt-3 text-sm">{t("events.nobodySeated")}</p> : null}
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="attendance" />
        {attendees.map((a) => (
          <label key={a.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="attended"
              value={a.id}
              defaultChecked={a.attended ?? true}
              className="h-4 w-4 accent-brand-700"
            />
            {a.display_name}
          </label>
        ))}
        <Button type="submit" variant="secondary">
          {recorded ? t("events.updateAttendance") : t("events.recordAttendance")}
        </Button>
      </Form>
    </Card>
  );
}

/** Who holds a seat and who waits, for the people running the event. */
export function GuestList({ going, waitlist }: { going: Person[]; waitlist: Person[] }) {
  const { t } = useTranslation();
  return (
    <Card className="p-5">
      <h2 className="font-semibold">{t("events.guests")}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {going.map((g) => (
          <li key={g.id}>{g.display_name}</li>
        ))}
      </ul>
      {waitlist.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">{t("events.waitlist")}</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
            {waitlist.map((g) => (
              <li key={g.id}>{g.display_name}</li>
            ))}
          </ol>
        </>
      ) : null}
    </Card>
  );
}
