import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.profile.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const profile = await getOwnProfile(context.db, user.id);
  return json({ profile });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = parseForm(ProfileSchema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok) {
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("settings.profile.needsAttention"),
    });
  }
  await updateProfile(await commandContext(request, context), { ...parsed.data, userId: user.id });
  return redirectWithToast("/settings/profile", {
    kind: "success",
    title: t("settings.profile.saved"),
    description: t("settings.profile.savedBody"),
  });
}

export default function EditProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
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
          <h2 className="text-lg font-semibold">{t("settings.profile.about")}</h2>
          <Link
            to={`/u/${profile.handle}`}
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("settings.profile.viewPublic")}
          </Link>
        </div>
        <TextField label={t("settings.profile.name")} {...field("displayName")} required />
        <TextField
          label={t("settings.profile.headline")}
          {...field("headline")}
          hint={t("settings.profile.headlineHint")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label={t("settings.profile.company")} {...field("company")} />
          <TextField label={t("settings.profile.jobTitle")} {...field("jobTitle")} />
          <TextField
            label={t("settings.profile.industry")}
            {...field("industry")}
            hint={t("settings.profile.industryHint")}
          />
          <TextField label={t("settings.profile.location")} {...field("location")} />
        </div>
        <TextAreaField
          label={t("settings.profile.story")}
          rows={8}
          {...field("bio")}
          hint={t("settings.profile.storyHint")}
        />
        <TextField
          label={t("settings.profile.expertise")}
          {...field("expertise")}
          hint={t("settings.profile.expertiseHint")}
        />
      </Card>

      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">{t("settings.profile.links")}</h2>
        <TextField
          label="LinkedIn"
          type="url"
          placeholder="https://www.linkedin.com/in/…"
          {...field("linkedinUrl")}
        />
        <TextField
          label={t("settings.profile.blog")}
          type="url"
          placeholder="https://…"
          {...field("blogUrl")}
        />
        <TextField
          label={t("settings.profile.website")}
          type="url"
          placeholder="https://…"
          {...field("websiteUrl")}
        />
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">{t("settings.profile.openTo")}</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("settings.profile.openToIntro")}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <CheckboxField
            name="openToSpeaking"
            label={t("settings.profile.speaking")}
            description={t("settings.profile.speakingHint")}
            defaultChecked={checked("openToSpeaking", profile.open_to_speaking)}
          />
          <CheckboxField
            name="openToReferences"
            label={t("settings.profile.references")}
            description={t("settings.profile.referencesHint")}
            defaultChecked={checked("openToReferences", profile.open_to_references)}
          />
          <CheckboxField
            name="openToCaseStudies"
            label={t("settings.profile.caseStudies")}
            description={t("settings.profile.caseStudiesHint")}
            defaultChecked={checked("openToCaseStudies", profile.open_to_case_studies)}
          />
          <CheckboxField
            name="openToMentoring"
            label={t("settings.profile.mentoring")}
            description={t("settings.profile.mentoringHint")}
            defaultChecked={checked("openToMentoring", profile.open_to_mentoring)}
          />
        </div>
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">{t("settings.profile.privacy")}</h2>
        <CheckboxField
          name="isPublic"
          label={t("settings.profile.public")}
          description={t("settings.profile.publicHint")}
          defaultChecked={checked("isPublic", profile.is_public)}
        />
        <CheckboxField
          name="leaderboardOptOut"
          label={t("settings.profile.leaderboardOptOut")}
          description={t("settings.profile.leaderboardOptOutHint")}
          defaultChecked={checked("leaderboardOptOut", profile.leaderboard_opt_out)}
        />
      </Card>

      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={busy}>
          {busy ? t("ui.saving") : t("settings.profile.submit")}
        </Button>
      </div>
    </Form>
  );
}
