// The demo community's tier catalogue and early-access content. The product
// is "Northwind Cloud" (see people.ts); every name here is fictional.

import type { EarlyAccessKind } from "../tables/early-access.ts";

export interface SeedTier {
  slug: string;
  name: string;
  rank: number;
  kind: "base" | "automatic" | "awarded";
  description: string;
  colour: string;
  icon: string;
  reputationThreshold: number | null;
  requiresShowcase: boolean;
  termMonths: number | null;
  unlocks: string[];
  ndaTerms: string;
}

const BASE_TERMS = `Northwind shares some early-access content before it is public so that you can try it and tell us what you think. By acknowledging these terms you agree that:

1. **You keep it to yourself.** Do not share, post, screenshot or forward non-public content, its title or its details outside the Limelight community until it is generally available.
2. **You may discuss it here.** Talk about it with other members who can read it, in the spaces for your tier.
3. **It may change.** Early builds and plans are not commitments; dates and features can move or be dropped.
4. **You can ask.** If you are not sure whether something is public yet, ask the community team before sharing.

These terms last until the content is generally available, or two years, whichever comes first.`;

export const SEED_TIERS: SeedTier[] = [
  {
    slug: "member",
    name: "Member",
    rank: 1,
    kind: "base",
    description: "Every verified customer in the community.",
    colour: "stone",
    icon: "circle",
    reputationThreshold: null,
    requiresShowcase: false,
    termMonths: null,
    unlocks: [
      "Members' spaces and live discussions",
      "Briefings once they reach every member",
      "A public profile with your story and reputation",
    ],
    ndaTerms: BASE_TERMS,
  },
  {
    slug: "contributor",
    name: "Contributor",
    rank: 2,
    kind: "automatic",
    description: "Members whose answers, talks and stories have started helping peers.",
    colour: "teal",
    icon: "leaf",
    reputationThreshold: 100,
    requiresShowcase: false,
    termMonths: null,
    unlocks: [
      "Early releases about a month before general availability",
      "Quarterly product updates from the team",
    ],
    ndaTerms: BASE_TERMS,
  },
  {
    slug: "champion",
    name: "Champion",
    rank: 3,
    kind: "automatic",
    description:
      "Advocates with a strong record of helping peers and telling their story in public.",
    colour: "violet",
    icon: "star",
    reputationThreshold: 750,
    requiresShowcase: true,
    termMonths: null,
    unlocks: [
      "Early releases two weeks before Contributors",
      "Insider articles from the product team",
      "Speaker coaching before your next talk",
    ],
    ndaTerms: BASE_TERMS,
  },
  {
    slug: "mvp",
    name: "MVP",
    rank: 4,
    kind: "awarded",
    description:
      "Awarded each year to the advocates whose contributions did the most for their peers.",
    colour: "amber",
    icon: "crown",
    reputationThreshold: null,
    requiresShowcase: false,
    termMonths: 12,
    unlocks: [
      "Roadmap briefings under NDA",
      "Every early release on day one",
      "The MVP lounge, with the product team in the room",
      "A seat at the annual MVP summit",
    ],
    ndaTerms: `${BASE_TERMS}

**For MVPs in addition:** roadmap briefings and MVP roundtables are confidential in full, including who attended and what was asked. Do not name unreleased features in public talks, posts or case studies.`,
  },
];

export interface SeedItem {
  slug: string;
  kind: EarlyAccessKind;
  title: string;
  teaser: string;
  summary: string;
  body: string;
  downloadUrl?: string;
  recordingUrl?: string;
  requiresNda: boolean;
  /** Days from now the item was published; null keeps it a draft. */
  publishedDaysAgo: number | null;
  /** Days from now each tier may read (negative: already open); missing: none of its own. */
  opens: Partial<Record<"mvp" | "champion" | "contributor" | "member", number>>;
  /** Days from now it becomes public; null: never. */
  publicInDays: number | null;
}

export const SEED_ITEMS: SeedItem[] = [
  {
    slug: "2027-roadmap-briefing",
    kind: "roadmap",
    title: "Northwind Cloud 2027 roadmap briefing",
    teaser: "The product team's plan for next year, shared with MVPs first",
    summary:
      "Where pipelines, dashboards and governance are heading next year, what we are dropping, and the three bets the product team is least sure about.",
    body: `## What this briefing covers

The 2027 plan in three themes, with the dates the team is confident about and the ones it is not.

### 1. Pipelines that explain themselves

- **Lineage in the editor:** every step shows where its columns came from and who depends on them.
- **Cost per run** next to every pipeline, with a weekly digest for owners.
- Target: private preview in Q2, generally available in Q4.

### 2. Dashboards for the whole company

- Embedded dashboards get row-level security from your identity provider, no duplicate rules.
- Scheduled snapshots as PDF and CSV to any channel.

### 3. Governance without a committee

- Data contracts between producer and consumer teams, checked on every run.
- A review queue for new sensitive columns.

## What we are dropping

The legacy scheduler API will be retired at the end of 2027. Migration tooling ships first.

## Where we want your help

Tell us in the MVP lounge which of the three themes would change your year the most, and which you would cut.`,
    requiresNda: true,
    publishedDaysAgo: 3,
    opens: { mvp: -3 },
    publicInDays: null,
  },
  {
    slug: "pipelines-v5-incremental-backfills",
    kind: "release",
    title: "Pipelines v5 early release: incremental backfills",
    teaser: "An early build of the next pipelines release",
    summary:
      "Backfill only the partitions that changed, resume from the last good checkpoint, and see the cost before you press run.",
    body: `Pipelines v5 lets you **backfill incrementally**: pick a date range, and only the partitions whose upstream data changed are recomputed.

### Try it

1. Enable *Early features* in your workspace settings.
2. Open any pipeline with a date partition and choose **Backfill → Incremental**.
3. The preview shows the partitions and the estimated cost before anything runs.

### Known limits in this build

- Partitions must be daily or hourly.
- Resuming after a failure works for SQL steps; Python steps restart from the beginning.

Tell us what breaks in the early-releases space.`,
    downloadUrl: "https://example.com/northwind/pipelines-v5-early.zip",
    requiresNda: false,
    publishedDaysAgo: 5,
    opens: { mvp: -5, champion: 7, contributor: 21 },
    publicInDays: 45,
  },
  {
    slug: "summit-2026-governance-session",
    kind: "recording",
    title: "Recording: Summit 2026 insider session on governance",
    teaser: "A recorded session from Northwind Summit",
    summary:
      "The governance deep dive from Summit 2026, with questions from the floor, now open to everyone.",
    body: `The full recording of the governance session from Northwind Summit 2026, with Ravi Chandrasekaran and the governance product team.

**Chapters**

- 00:00 Why governance projects stall
- 12:40 Starting with one dataset and one policy
- 27:15 Data contracts in practice
- 41:00 Questions from the floor`,
    recordingUrl: "https://example.com/northwind/summit-2026-governance",
    requiresNda: false,
    publishedDaysAgo: 40,
    opens: { mvp: -40, champion: -30, contributor: -20 },
    publicInDays: -10,
  },
  {
    slug: "insider-pricing-usage-tiers",
    kind: "insider",
    title: "Insider: how we priced the new usage tiers",
    teaser: "An insider article from the product team",
    summary:
      "Why usage-based pricing, how the thresholds were picked from real workloads, and what changes for existing contracts.",
    body: `We looked at twelve months of workloads across every customer before picking the new usage thresholds.

- **80 %** of workspaces stay in the tier they are in today.
- Large batch workloads get cheaper; always-on streaming costs slightly more.
- Existing contracts keep their price until renewal.

We would rather hear the awkward questions now than at your renewal: ask them in the Champions space.`,
    requiresNda: true,
    publishedDaysAgo: 25,
    opens: { mvp: -25, champion: -20, contributor: 10 },
    publicInDays: null,
  },
  {
    slug: "sso-scim-changes-q1",
    kind: "briefing",
    title: "Briefing: SSO and SCIM changes coming in Q1",
    teaser: "A briefing on identity changes, for every member before it goes public",
    summary:
      "SCIM group sync becomes two-way and SAML certificates rotate without downtime. What admins need to do, and when.",
    body: `From the first week of Q1:

1. **Two-way SCIM group sync.** Groups created in Northwind flow back to your identity provider.
2. **Certificate rotation without downtime.** Upload the next SAML certificate up to 30 days early.
3. **Session length per group.** Admins can shorten sessions for privileged groups.

Nothing breaks if you do nothing; the new options are off until an admin turns them on.`,
    requiresNda: false,
    publishedDaysAgo: 6,
    opens: { mvp: -6, champion: -4, contributor: -3, member: -2 },
    publicInDays: 30,
  },
  {
    slug: "dashboards-3-beta",
    kind: "release",
    title: "Dashboards 3.0 beta build",
    teaser: "A beta build of the next dashboards release",
    summary:
      "Faster filters, cross-dashboard drill-through and a new layout engine for phones. Beta build for Contributors and above.",
    body: `Dashboards 3.0 rebuilds the layout engine so that every dashboard works on a phone without a second version.

- Filters apply in under 200 ms on dashboards with up to 40 tiles.
- Drill through from any tile to another dashboard, keeping the filters.
- Tiles reflow by priority on narrow screens.

Install the beta from the download link and switch any dashboard to the new engine from its settings.`,
    downloadUrl: "https://example.com/northwind/dashboards-3-beta.zip",
    requiresNda: false,
    publishedDaysAgo: 30,
    opens: { mvp: -30, champion: -20, contributor: -10 },
    publicInDays: 14,
  },
  {
    slug: "mvp-roundtable-recording",
    kind: "recording",
    title: "Recording: MVP roundtable with the product team",
    teaser: "A recorded MVP roundtable",
    summary:
      "Ninety minutes with the heads of pipelines and dashboards: what MVPs asked for, and what the team committed to.",
    body: `The autumn MVP roundtable, recorded for those who could not join live.

**What the team committed to**

- A public changelog for breaking API changes, 90 days ahead.
- Office hours with the pipelines team every second Thursday.
- MVP review of the migration tooling before the scheduler API is retired.`,
    recordingUrl: "https://example.com/northwind/mvp-roundtable-autumn",
    requiresNda: true,
    publishedDaysAgo: 15,
    opens: { mvp: -15 },
    publicInDays: null,
  },
  {
    slug: "ai-assisted-pipeline-builder",
    kind: "release",
    title: "Early release: AI-assisted pipeline builder",
    teaser: "An early build we are still preparing",
    summary: "Describe a pipeline in a sentence and review the generated steps before they run.",
    body: "Draft: the build is not ready to share yet.",
    requiresNda: true,
    publishedDaysAgo: null,
    opens: { mvp: 7, champion: 21 },
    publicInDays: null,
  },
];
