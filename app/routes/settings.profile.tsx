import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { getOwnProfile, updateProfile } from "~/modules/profiles/profiles.server.ts";
import { ProfileSchema } from "~/modules/profiles/validation.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Edit profile · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const profile = await getOwnProfile(context.db, user.id);
  return json({ profile });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = parseForm(ProfileSchema, await request.formData());
  if (!parsed.ok) {
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Some fields need your attention. Nothing was saved yet.",
    });
  }
  await updateProfile(await commandContext(request, context), { ...parsed.data, userId: user.id });
  return redirectWithToast("/settings/profile", {
    kind: "success",
    title: "Profile saved",
    description: "Your public profile shows the changes now.",
  });
}

export default function EditProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { field, formError } = formFields<typeof ProfileSchema>(actionData, {
    displayName: profile.display_name,
    headline: profile.headline,
    company: profile.company,
    jobTitle: profile.job_title,
    industry: profile.industry,
    location: profile.location,
    bio: profile.bio_md,
    expertise: profile.expertise.join(", "),
    linkedinUrl: profile.linkedin_url,
    blogUrl: profile.blog_url,
    websiteUrl: profile.website_url,
  });
  const values = actionData?.values;
  // After a failed save the form keeps what was typed; otherwise it shows what is stored.
  const checked = (name: string, stored: boolean) => (values ? values[name] === "on" : stored);
  return (
    <Form method="post" className="space-y-8" noValidate>
      <FormError message={formError} />
      <Card className="space-y-5 p-6">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">About you</h2>
          <Link
            to={`/u/${profile.handle}`}
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            View public profile
          </Link>
        </div>
        <TextField label="Name" {...field("displayName")} required />
        <TextField
          label="Headline"
          {...field("headline")}
          hint="One line on what you do and what you are known for."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Company" {...field("company")} />
          <TextField label="Job title" {...field("jobTitle")} />
          <TextField
            label="Industry"
            {...field("industry")}
            hint="For example: Healthcare, Logistics, Financial services."
          />
          <TextField label="Location" {...field("location")} />
        </div>
        <TextAreaField
          label="Your story"
          rows={8}
          {...field("bio")}
          hint="Markdown: **bold**, _italic_, lists and links. HTML is shown as text."
        />
        <TextField
          label="Expertise"
          {...field("expertise")}
          hint="Up to 10 topics, separated by commas, e.g. data-pipelines, sso, onboarding."
        />
      </Card>

      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">Links</h2>
        <TextField
          label="LinkedIn"
          type="url"
          placeholder="https://www.linkedin.com/in/…"
          {...field("linkedinUrl")}
        />
        <TextField label="Blog" type="url" placeholder="https://…" {...field("blogUrl")} />
        <TextField label="Website" type="url" placeholder="https://…" {...field("websiteUrl")} />
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">Open to</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Let community managers and prospects know what you would like to be asked about. You can
          change this at any time.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <CheckboxField
            name="openToSpeaking"
            label="Speaking"
            description="Talks, webinars, podcasts and meetups."
            defaultChecked={checked("openToSpeaking", profile.open_to_speaking)}
          />
          <CheckboxField
            name="openToReferences"
            label="References"
            description="A call with a prospect who is like you."
            defaultChecked={checked("openToReferences", profile.open_to_references)}
          />
          <CheckboxField
            name="openToCaseStudies"
            label="Case studies"
            description="Telling your story in writing."
            defaultChecked={checked("openToCaseStudies", profile.open_to_case_studies)}
          />
          <CheckboxField
            name="openToMentoring"
            label="Mentoring"
            description="Helping a newer customer find their way."
            defaultChecked={checked("openToMentoring", profile.open_to_mentoring)}
          />
        </div>
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">Privacy</h2>
        <CheckboxField
          name="isPublic"
          label="Public profile"
          description="Anyone, including visitors who are not signed in and search engines, can see your profile. Turn this off to show it only to signed-in members."
          defaultChecked={checked("isPublic", profile.is_public)}
        />
        <CheckboxField
          name="leaderboardOptOut"
          label="Leave my name off leaderboards"
          description="Your points still count and show on your profile; leaderboards list you as “an advocate”."
          defaultChecked={checked("leaderboardOptOut", profile.leaderboard_opt_out)}
        />
      </Card>

      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={busy}>
          {busy ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </Form>
  );
}
