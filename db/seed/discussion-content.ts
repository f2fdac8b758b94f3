import type { NewSpace } from "../../app/modules/discussions/spaces.server.ts";

// The demo community's discussions about Northwind Cloud, a B2B data and
// workflow automation platform (pipelines, dashboards, connectors, SSO,
// governance, APIs). Everything here is fictional.

export const SEED_SPACES: Omit<NewSpace, "position">[] = [
  {
    slug: "ask-the-community",
    name: "Ask the community",
    description:
      "Evaluating Northwind Cloud or just getting started? Ask customers who run it every day. Visitors welcome.",
    colour: "#047857",
    visibility: "public",
    prospectsMayAsk: true,
  },
  {
    slug: "pipelines",
    name: "Pipelines and connectors",
    description: "Ingestion, transformations, schedules, CDC and the connectors that feed them.",
    colour: "#0369a1",
    visibility: "public",
  },
  {
    slug: "dashboards",
    name: "Dashboards and reporting",
    description: "Building dashboards people trust: metrics, filters, performance and sharing.",
    colour: "#b45309",
    visibility: "public",
  },
  {
    slug: "security-governance",
    name: "SSO, security and governance",
    description: "Single sign-on, SCIM, roles, row-level security, audit and compliance.",
    colour: "#7c3aed",
    visibility: "public",
  },
  {
    slug: "show-and-tell",
    name: "Show and tell",
    description: "What you built, what it changed, and what you would do differently.",
    colour: "#db2777",
    visibility: "public",
  },
  {
    slug: "product-feedback",
    name: "Product feedback",
    description: "Ideas, rough edges and requests, read weekly by the Northwind product team.",
    colour: "#0f766e",
    visibility: "public",
  },
  {
    slug: "events-and-meetups",
    name: "Events and meetups",
    description: "User groups, conference talks, webinars and people to meet.",
    colour: "#c2410c",
    visibility: "public",
  },
  {
    slug: "advocates-lounge",
    name: "Advocates' lounge",
    description:
      "For signed-in members: speaking, case studies, references and the craft of advocacy.",
    colour: "#4d7c0f",
    visibility: "members",
  },
  {
    slug: "mvp-lounge",
    name: "MVP lounge",
    description: "Roadmap briefings and candid conversations for MVPs and the Northwind team.",
    colour: "#a16207",
    visibility: "tier",
    minTierRank: 4,
  },
];

export interface SeedReply {
  author: string;
  body: string;
  /** Hours after the thread was opened. */
  hoursLater: number;
  votes?: number;
  accepted?: boolean;
  helpful?: boolean;
  flaggedBy?: string[];
}

export interface SeedThread {
  space: string;
  kind: "question" | "discussion";
  author: string;
  title: string;
  body: string;
  tags: string[];
  daysAgo: number;
  votes?: number;
  /** Who accepted the answer, when not the asker (a community manager). */
  acceptedBy?: string;
  replies: SeedReply[];
}

const ASK: SeedThread[] = [
  {
    space: "ask-the-community",
    kind: "question",
    author: "lucia-moreno",
    title: "¿Cómo funciona la configuración de facturación por créditos?",
    body: `Estamos evaluando Northwind para una distribuidora en Madrid. ¿Alguien puede explicar la configuración de facturación: se pagan créditos por ejecución o por conector?`,
    tags: ["pricing"],
    daysAgo: 3,
    replies: [],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "daniel-hughes",
    title: "How long did your SSO rollout with Okta actually take?",
    body: `We're a 900-bed hospital looking at Northwind Cloud for our finance and supply chain reporting. Security review is the part I'm worried about, not the dashboards.

Vendors always say "SSO takes an afternoon". For those of you on Okta with SCIM provisioning: how long did it really take from kickoff to everyone logging in, and what surprised you?`,
    tags: ["sso", "okta", "scim", "evaluation"],
    daysAgo: 161,
    votes: 3,
    replies: [
      {
        author: "sophie-laurent",
        hoursLater: 3,
        votes: 5,
        accepted: true,
        body: `We did it at Clinique Saint-Roch (four hospitals, about 2,300 Northwind users). Honest timeline:

- **Day 1:** SAML app configured in Okta, test login working. The afternoon claim is true for this part.
- **Week 1–2:** SCIM provisioning. The slow bit was agreeing which Okta groups map to which Northwind roles. We ended up with 14 groups → 3 roles plus row-level security, and that conversation took longer than any configuration.
- **Week 3:** pilot with 40 people in finance.
- **Week 5:** everyone.

What surprised us: deprovisioning is immediate with SCIM, which our auditors loved, but it also means a contractor whose Okta account lapses for a day loses their saved boards' ownership prompt. Transfer ownership before you offboard anyone who owns shared content.

Happy to share our group-mapping spreadsheet if you message me.`,
      },
      {
        author: "zanele",
        hoursLater: 7,
        votes: 2,
        body: `University here, so Azure AD rather than Okta, but the shape was the same as @sophie-laurent describes. Our surprise was the certificate: the SAML signing cert in the IdP expired 11 months later and nobody had a reminder. Put the expiry date in a calendar on day one.`,
      },
      {
        author: "daniel-hughes",
        hoursLater: 20,
        body: `This is exactly what I needed, thank you both. Five weeks with a pilot is a plan I can take to our CISO. Sophie, I'll message you about the mapping sheet.`,
      },
      {
        author: "morgan",
        hoursLater: 26,
        votes: 1,
        body: `Adding the official piece for anyone finding this later: the SSO setup guide now has a "before you start" checklist that includes the group-to-role worksheet Sophie mentions, and certificate expiry alerts were added in 2025.2 (Admin → Authentication → Alerts).`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "lucia-moreno",
    title: "Is Northwind overkill for a 60-person food distributor?",
    body: `Our reporting today is Excel plus an accounting package. Two people spend most of Monday building the weekly sales and margin pack. I like what I've seen in the demo but I'm worried we'd be paying for a platform built for companies ten times our size.

Anyone running it at a small company? What did you actually use in the first six months?`,
    tags: ["evaluation", "small-business", "reporting"],
    daysAgo: 143,
    votes: 4,
    replies: [
      {
        author: "leilani",
        hoursLater: 2,
        votes: 6,
        accepted: true,
        body: `Island Threads is 45 people, so yes. What we used in the first six months, in order:

1. The accounting connector and one flow that lands invoices and credit notes nightly.
2. One board: weekly sales, margin by product family, top 20 customers. That replaced the Monday pack.
3. A scheduled snapshot that emails the board to the owners at 7:00 on Monday.

That's it. We didn't touch workflows, the API, or row-level security until month eight. The Monday pack went from ~6 hours to zero; the bigger win was that people stopped arguing about whose spreadsheet was right.

Start on the smallest plan and be strict about scope for the first quarter.`,
      },
      {
        author: "priscila-santos",
        hoursLater: 5,
        votes: 3,
        body: `Agree with Leilani. One thing I'd add for distribution: get your product master clean before you build anything. Half our early "wrong numbers" were the same SKU under three names. Northwind didn't cause that, it just made it visible very quickly.`,
      },
      {
        author: "mateo-rossi",
        hoursLater: 30,
        votes: 1,
        body: `Different angle: ask your account team for the usage-based plan, not seats. With two builders and 15 viewers you'll pay mostly for compute, and a nightly load at your size is tiny.`,
      },
      {
        author: "lucia-moreno",
        hoursLater: 52,
        body: `Really helpful. "Strict about scope for the first quarter" is going on a sticky note. We're starting a trial next week with exactly Leilani's three steps.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "kenji-watanabe",
    title: "Can Northwind pipelines handle robot telemetry at ~50k events per second?",
    body: `We build warehouse robots and each site streams telemetry (position, battery, faults) at roughly 50k events/s at peak. Today it goes into Kafka and then a home-grown aggregation service that nobody wants to own.

Is anyone pushing high-volume streams through Northwind, or is it really built for batch? I don't want to find out at go-live.`,
    tags: ["streaming", "kafka", "performance", "evaluation"],
    daysAgo: 118,
    votes: 3,
    replies: [
      {
        author: "jack-thompson",
        hoursLater: 4,
        votes: 4,
        accepted: true,
        body: `Broadcast side: we push ad-server impressions, peaking around 35k/s, so not far off.

Short version: don't send raw events into a flow one by one. Use the Kafka connector in **micro-batch** mode (we run 30-second windows), aggregate in the flow, and land the aggregates. Raw events go to object storage straight from Kafka and Northwind reads them only when someone needs to drill in.

With that setup our p95 from event to board is about 90 seconds, which is fine for us. If you need sub-second alerting on faults, keep that in your stream processor and send Northwind the results.`,
      },
      {
        author: "mikko-v",
        hoursLater: 9,
        votes: 2,
        body: `+1 to micro-batching. District heating sensors are lower volume than yours but we learned the same lesson: the connector's consumer lag metric is the one to alert on. We export it to Prometheus and page when lag passes 5 minutes.`,
      },
      {
        author: "kenji-watanabe",
        hoursLater: 28,
        body: `So the answer is "yes, but not as an event-by-event stream processor". That's a reasonable line to draw, thanks. Jack, 30-second windows at 35k/s is reassuring.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "nadia-rahman",
    title: "Do any public-sector teams use Northwind with data residency requirements?",
    body: `Council here. Our legal team needs every byte of resident data to stay in-country, including backups and logs. The sales team says the EU region is fine, but I'd like to hear from people who went through a public-sector procurement with it.`,
    tags: ["public-sector", "data-residency", "compliance"],
    daysAgo: 97,
    votes: 4,
    replies: [
      {
        author: "ravi-c",
        hoursLater: 6,
        votes: 4,
        accepted: true,
        body: `Revenue office, so tax data, which is about as sensitive as it gets for us. What got us through procurement:

- The region is chosen per workspace and is fixed once created. Backups and logs stay in the region; support access is logged and needs our approval each time.
- Ask for the **sub-processor list** with regions. Ours had one US sub-processor for email delivery of scheduled snapshots. We turned off email snapshots and use the in-app inbox instead.
- The audit log export went straight into our SIEM, which answered half the security questionnaire.

Took us four months end to end, three of which were our own committee calendar.`,
      },
      {
        author: "isabella-novak",
        hoursLater: 11,
        votes: 2,
        body: `Transit authority, same story. Ravi's point about email snapshots is the one people miss. Also check where your *connectors* run: if you use a cloud connector to reach an on-prem database, the agent runs in your region, but if you self-host the agent you control it completely. We self-host.`,
      },
      {
        author: "fatima-alsayed",
        hoursLater: 40,
        votes: 1,
        body: `We did a data protection impact assessment before go-live and the Northwind team filled in their half within a week. Ask for their DPIA template answers up front; it saves a round trip.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "olivia-bennett",
    title: "How do you teach non-technical staff to build their own boards?",
    body: `We're a small learning company. If we roll this out, I don't want every request to land on the one analyst we have. How did you get regular staff building their own dashboards without creating a mess of 400 slightly different revenue charts?`,
    tags: ["training", "self-service", "dashboards"],
    daysAgo: 76,
    votes: 5,
    replies: [
      {
        author: "carlos-mendoza",
        hoursLater: 3,
        votes: 7,
        accepted: true,
        body: `This is my favourite topic. At Sierra Madre we trained 60 supervisors. What worked:

1. **Certified metrics first.** Before anyone builds anything, the analyst defines the 15–20 numbers that matter in the Metric Layer and marks them certified. People build boards *from* those, not from raw tables.
2. **A "sandbox" workspace** where anything goes, and a "published" workspace where only reviewed boards live. Promotion is a two-minute review.
3. **Office hours, not courses.** 45 minutes every Thursday, bring your board. Attendance was low at first and then became the most useful meeting we have.

We still have duplicate charts in the sandbox. Nobody cares, because the published space is clean.`,
      },
      {
        author: "rosa-jimenez",
        hoursLater: 8,
        votes: 3,
        body: `County government, 200-ish board builders. I'd add: name things for the reader. We renamed "rev_net_adj" to "Revenue after refunds" in the Metric Layer and support questions dropped noticeably.`,
      },
      {
        author: "chloe-anderson",
        hoursLater: 20,
        votes: 2,
        body: `School district here. We made short screen recordings (under 3 minutes each) for the five things people do most. Teachers watch them at 10pm, apparently.`,
      },
      {
        author: "olivia-bennett",
        hoursLater: 31,
        body: `Certified metrics plus a sandbox is a great split. Thank you, this is more practical than the vendor training plan we were shown.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "kenji-watanabe",
    title: "What's the real cost of Northwind compute credits once you're in production?",
    body: `The pricing page talks about compute credits. I can't tell what a realistic monthly bill looks like. If you're willing to share rough numbers (or at least the ratio between what you estimated and what you pay), I'd be grateful.`,
    tags: ["pricing", "cost-optimization", "evaluation"],
    daysAgo: 64,
    votes: 2,
    replies: [
      {
        author: "david-levi",
        hoursLater: 5,
        votes: 5,
        accepted: true,
        body: `Payments company, finops is my day job, so I have too many opinions here.

We estimated 1,800 credits a month and paid 3,100 in month two. After tuning we're at 1,650. The overrun came from three things:

- **Full reloads that should have been incremental.** Two flows reloaded 400M rows nightly. Switching to watermark-based incremental loads cut that by 80%.
- **Board tiles with no cache.** A board opened by 300 people every morning ran the same queries 300 times. Set the tile cache TTL to 15 minutes.
- **Dev workspaces running schedules.** Someone cloned production flows into a sandbox with schedules on.

The usage explorer (Admin → Usage) breaks credits down by flow and board. Look at it weekly for the first quarter.`,
      },
      {
        author: "kwame",
        hoursLater: 12,
        votes: 3,
        body: `Energy company, similar experience. Our estimate was fine; what bit us was a backfill of five years of meter readings that someone ran three times because the first two "looked stuck". Backfills show progress per partition in run history if you expand the run — worth knowing before you press retry.`,
      },
      {
        author: "lukas-becker",
        hoursLater: 48,
        votes: 1,
        body: `If you push transformations down to your warehouse (we use Snowflake), Northwind credits drop a lot but your warehouse bill rises. Decide where you want the cost to land before you design flows.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "daniel-hughes",
    title: "HL7 and FHIR data into Northwind: connector or middleware?",
    body: `Follow-up from my SSO question. Clinical ops would love bed occupancy and discharge timing on a board. Our EHR speaks HL7v2 and has a FHIR API. Is there a connector for either, or do people put an integration engine in between?`,
    tags: ["healthcare", "fhir", "hl7", "integrations"],
    daysAgo: 51,
    votes: 3,
    replies: [
      {
        author: "hannah-lindqvist",
        hoursLater: 4,
        votes: 4,
        accepted: true,
        body: `Regional health system here. We use the **FHIR connector** for anything the API exposes (Encounter, Location, Patient with minimal fields) and keep our integration engine for HL7v2 ADT feeds, which it writes to a Postgres staging table that Northwind reads incrementally.

Tips:
- Pull only the FHIR resources and fields you need. Our first sync pulled full Patient resources and the privacy officer was not pleased.
- Bed occupancy needs Location history, not just current Location. Model it as a slowly changing dimension in the flow.
- The FHIR connector pages with \`_count=200\` by default; our EHR throttled us until we set it to 50.`,
      },
      {
        author: "emma-walsh",
        hoursLater: 10,
        votes: 2,
        body: `Clinics network, smaller scale. We skipped HL7 entirely and only use FHIR. For occupancy-style metrics, watch out for cancelled encounters that never get an end time — we filter on \`status != 'cancelled'\` and cap open encounters at 30 days.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "lucia-moreno",
    title: "Trial started: which connector should we set up first?",
    body: `We started the trial (thanks for the advice last time!). We have the accounting package, a warehouse management system with a SQL Server database, and a lot of Excel. Where do people usually start?`,
    tags: ["onboarding", "connectors", "small-business"],
    daysAgo: 34,
    votes: 2,
    replies: [
      {
        author: "leilani",
        hoursLater: 2,
        votes: 3,
        accepted: true,
        body: `Accounting first, because the Monday pack is the thing you want to kill and it's mostly financial. Then the WMS for stock levels. Leave Excel for last and try to make each spreadsheet disappear rather than connecting it.

For SQL Server, ask your IT person to create a read-only login and enable change tracking on the tables you need; incremental loads are much cheaper with it.`,
      },
      {
        author: "grace-mwangi",
        hoursLater: 6,
        votes: 1,
        body: `Agree. One small thing: set the schedule for the accounting flow to run *after* your accounting team closes the day. Ours ran at 18:00 and people kept posting invoices until 19:30, so the morning board was always slightly off.`,
      },
      {
        author: "lucia-moreno",
        hoursLater: 27,
        body: `Accounting flow is running. The first board already shows something we didn't know: our margin on one product family is negative after delivery costs. Slightly terrifying, very useful.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "olivia-bennett",
    title: "Is there a way to show a board to customers without giving them accounts?",
    body: `We'd like each school we work with to see a small board with their own usage numbers. Creating hundreds of accounts seems wrong. Is embedding possible, and is it secure?`,
    tags: ["embedding", "security", "dashboards"],
    daysAgo: 19,
    votes: 2,
    replies: [
      {
        author: "noah-williams",
        hoursLater: 3,
        votes: 4,
        accepted: true,
        body: `Yes: **signed embeds**. Your backend calls the embed API with a service account, passes the board id and a set of locked filter values (e.g. \`school_id = 418\`), and gets back a short-lived URL you put in an iframe.

Security notes from doing this at Quillstack:
- The filter values are signed into the token, so the viewer can't change them in the browser.
- Keep the token lifetime short (we use 10 minutes) and mint a new one per page load.
- Use row-level security on the dataset as well, keyed on the same attribute. Belt and braces.

~~~ts
const res = await fetch("https://api.northwind.example/v2/embed/tokens", {
  method: "POST",
  headers: { Authorization: "Bearer " + process.env.NW_SERVICE_TOKEN },
  body: JSON.stringify({ board: "brd_usage", filters: { school_id: schoolId }, ttl: 600 }),
});
~~~`,
      },
      {
        author: "arjun-kapoor",
        hoursLater: 9,
        votes: 1,
        body: `We do the same at Tallyhive. Budget for the embed viewers in your plan; they're priced separately from internal viewers.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "nadia-rahman",
    title: "Can we restrict who can export data to CSV?",
    body: `Our information governance lead asked whether we can stop people exporting full tables to CSV while still letting them see the boards. Is export a separate permission?`,
    tags: ["governance", "permissions", "export"],
    daysAgo: 9,
    votes: 1,
    replies: [
      {
        author: "yasmin-haddad",
        hoursLater: 5,
        votes: 2,
        body: `It is. In each workspace, Roles → Viewer → "Download data" can be switched off. We leave image export on (for slides) and turn CSV off for everyone outside finance. Exports that *are* allowed show up in the audit log with row counts, which our auditors check quarterly.`,
      },
    ],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "kenji-watanabe",
    title: "Anyone using the Terraform provider to manage workspaces?",
    body: `We manage everything else as code. Before I commit to it: is the Northwind Terraform provider mature enough for workspaces, connections and roles, or do people end up clicking around anyway?`,
    tags: ["terraform", "devops", "api"],
    daysAgo: 4,
    votes: 1,
    replies: [],
  },
  {
    space: "ask-the-community",
    kind: "question",
    author: "lucia-moreno",
    title: "How do you handle returns in margin reporting?",
    body: `Now that the boards are live, finance asked how to treat returns that arrive weeks after the original sale. Do you restate the original week or book the return when it happens?`,
    tags: ["reporting", "finance", "metrics"],
    daysAgo: 2,
    votes: 0,
    replies: [],
  },
];

const PIPELINES: SeedThread[] = [
  {
    space: "pipelines",
    kind: "question",
    author: "tomas-aguilar",
    title: "Incremental load from Postgres skips rows after a replica failover",
    body: `Our nightly flow loads \`orders\` incrementally using \`updated_at\` as the watermark. After our Postgres primary failed over last week, about 1,200 rows never arrived in Northwind. The run history says success.

My guess: rows committed on the old primary with \`updated_at\` earlier than the watermark we'd already stored, but they only became visible on the new primary after we read. Has anyone solved this properly?`,
    tags: ["incremental-load", "postgres", "cdc", "data-quality"],
    daysAgo: 168,
    votes: 4,
    replies: [
      {
        author: "ethan-cho",
        hoursLater: 2,
        votes: 6,
        accepted: true,
        body: `Your guess is right, and it isn't only failovers: any long-running transaction can commit rows with an \`updated_at\` older than a watermark you've already passed.

Two fixes, in order of effort:

1. **Lookback window.** Re-read a slice behind the watermark every run and let the merge step deduplicate:

   ~~~sql
   select *
   from orders
   where updated_at > :watermark - interval '2 hours'
   ~~~

   In the flow, set the merge key to \`order_id\` so re-read rows update instead of duplicating. Two hours covers our longest transaction with room to spare.

2. **Switch to the CDC connector** (logical replication). It reads the WAL, so commit order is what you get. It needs \`wal_level = logical\` and a replication slot, and you must monitor slot lag or your primary's disk fills up.

We run (1) on most tables and (2) on the five that matter most.`,
      },
      {
        author: "tomas-aguilar",
        hoursLater: 5,
        body: `The lookback with a merge key is such a simple fix. Deployed on \`orders\` with 3 hours; tonight's run picked up the missing rows. Thanks Ethan.`,
      },
      {
        author: "wei-zhang",
        hoursLater: 14,
        votes: 2,
        body: `Worth adding a reconciliation check too: we compare \`count(*)\` and \`sum(amount)\` per day between source and Northwind every morning and alert on any difference. That's how we'd have caught this in a day instead of a week.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "anjali-d",
    title: "How do you retry only the failed step of a flow?",
    body: `One of our flows has 14 steps. When step 11 (an API call to our LMS) times out, the retry button runs the whole flow again from step 1, which takes 40 minutes. Is there a way to resume from the failed step?`,
    tags: ["flows", "retries", "api"],
    daysAgo: 151,
    votes: 3,
    replies: [
      {
        author: "aiko-t",
        hoursLater: 1,
        votes: 4,
        accepted: true,
        body: `Yes, but it's hidden: open the failed run in run history, click the failed step, and choose **Resume from here**. It reuses the outputs of steps 1–10 from that run (they're kept for 72 hours).

For the timeout itself, give step 11 its own retry policy (step settings → Retries): we use 3 attempts with exponential backoff starting at 30 seconds. Most LMS-style APIs recover within a minute.`,
      },
      {
        author: "anjali-d",
        hoursLater: 3,
        body: `I've clicked that run a hundred times and never noticed the button. Thank you!`,
      },
      {
        author: "hiroshi-sato",
        hoursLater: 20,
        votes: 2,
        body: `One caveat: "Resume from here" uses the *old* flow definition. If you fixed the step before resuming, start a new run instead or your fix won't be used.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "discussion",
    author: "kwame",
    title: "Backfilling five years of meter readings: what worked and what didn't",
    body: `We just finished backfilling 5 years of smart meter readings (~2.1 billion rows) into Northwind. Writing down what we learned while it's fresh.

**Worked**
- Partitioning the backfill by month and running 4 partitions in parallel.
- A separate "backfill" workspace with its own compute pool, so daily flows weren't starved.
- Validating each month against the source with counts and sums before moving on.

**Didn't**
- Running it from the production flow with a date parameter. It shared the schedule's lock and blocked the nightly run twice.
- Retrying partitions that "looked stuck". They weren't stuck; we paid for three copies of March 2021.

Curious how others approach large backfills.`,
    tags: ["backfill", "performance", "cost-optimization"],
    daysAgo: 132,
    votes: 5,
    replies: [
      {
        author: "lukas-becker",
        hoursLater: 4,
        votes: 3,
        body: `Very similar at Rheinwind (wind turbine SCADA, 1.4B rows). We also wrote the partition status to a small control table so the backfill could be stopped and resumed without guessing what had finished.`,
      },
      {
        author: "jack-thompson",
        hoursLater: 9,
        votes: 2,
        body: `The separate compute pool is the big one. We learned that the hard way when a backfill delayed our morning ratings board and the head of programming called me at 6:40.`,
      },
      {
        author: "david-levi",
        hoursLater: 30,
        votes: 2,
        body: `Budget note: tell finance before you start. A backfill is a one-off spike that looks alarming on the monthly invoice if nobody expected it.`,
      },
      {
        author: "jonas",
        hoursLater: 50,
        votes: 1,
        body: `Thanks for writing this up, Kwame. I've asked the docs team to link this thread from the backfill guide, and the "looked stuck" confusion is now a known issue: the next release shows per-partition progress on the run page itself.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "bram-devries",
    title: "Webhook trigger fires twice for the same event",
    body: `We trigger a flow from our booking system's webhook. About 1 in 200 bookings starts two runs a few seconds apart. The booking system says it delivered once. Has anyone seen duplicate triggers?`,
    tags: ["webhooks", "flows", "idempotency"],
    daysAgo: 120,
    votes: 2,
    replies: [
      {
        author: "ana-kowalska",
        hoursLater: 3,
        votes: 4,
        accepted: true,
        body: `Check the booking system's delivery logs for retries: many senders retry if they don't get a 2xx within a few seconds, and the Northwind webhook endpoint acknowledges only after the run is *queued*, which can take longer when the queue is busy.

Whatever the cause, design for it: set an **idempotency key** on the trigger (Trigger settings → Deduplicate on) using the booking id from the payload. Duplicate deliveries within 24 hours are then dropped and show as "deduplicated" in run history.`,
      },
      {
        author: "bram-devries",
        hoursLater: 8,
        body: `Found it: the sender times out after 3 seconds. Dedup on \`booking.id\` is on and we've had zero duplicates since. Thanks!`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "hiroshi-sato",
    title: "Schema drift: a source column changed type and the flow silently cast it",
    body: `Our CMS changed \`word_count\` from integer to string ("1,204"). The flow kept running and cast the new values to null. We noticed two weeks later when average article length dropped to zero on a board.

Is there a way to make a flow fail (or at least warn) when the source schema changes?`,
    tags: ["schema-drift", "data-contracts", "data-quality"],
    daysAgo: 110,
    votes: 3,
    replies: [
      {
        author: "wei-zhang",
        hoursLater: 5,
        votes: 5,
        accepted: true,
        body: `Yes — **data contracts** on the source step. Define the expected columns and types, and choose what happens on a violation: fail the run, quarantine the rows, or warn. We use "quarantine" for most sources: bad rows go to a side table, the run continues, and the owner gets a notification with a sample.

~~~yaml
contract:
  columns:
    word_count: { type: integer, nullable: false }
    published_at: { type: timestamp }
  on_violation: quarantine
  notify: ["data-team@sakura.example"]
~~~

It took us an afternoon to add contracts to our 30 most important sources.`,
      },
      {
        author: "emma-walsh",
        hoursLater: 12,
        votes: 2,
        body: `We also added a simple null-rate check per column as a flow step. If the share of nulls jumps by more than 10 points day over day, the run warns. Crude but it has caught three upstream changes.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "emre-yilmaz",
    title: "Best way to load machine logs from 40 looms on the factory floor?",
    body: `Each loom writes a CSV log to a local share every 10 minutes. We'd like them in Northwind for downtime analysis. The looms are on an isolated network. What's the least painful way?`,
    tags: ["manufacturing", "files", "connectors"],
    daysAgo: 93,
    votes: 2,
    replies: [
      {
        author: "aiko-t",
        hoursLater: 6,
        votes: 3,
        accepted: true,
        body: `We have a near-identical setup with CNC machines. Run the **self-hosted connector agent** on one machine that can see both the factory network and the outside (ours is a small industrial PC in the server room). Point a file connector at the share with a glob like \`loom-*/log-*.csv\` and "move processed files to /archive".

The agent only makes outbound connections, so IT didn't need to open any inbound ports — that made the security conversation short.`,
      },
      {
        author: "carlos-mendoza",
        hoursLater: 20,
        votes: 1,
        body: `Make sure the loom clocks are synced (NTP). Our downtime numbers were nonsense for a month because two machines were 7 minutes behind.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "discussion",
    author: "tomas-aguilar",
    title: "Running old and new pipelines side by side during a migration",
    body: `When we moved 600 jobs off our legacy scheduler, the single most useful habit was running old and new side by side and diffing outputs every morning until the difference was zero for 30 days.

How long did others run in parallel, and how did you decide when to switch off the old system?`,
    tags: ["migration", "testing", "data-quality"],
    daysAgo: 79,
    votes: 6,
    replies: [
      {
        author: "kwame",
        hoursLater: 3,
        votes: 3,
        body: `We did 14 days per domain, with a signed-off exceptions list (e.g. "old system rounds to 2 dp, new to 4 dp, accepted"). Without the exceptions list, the parallel run never ends because someone always finds a difference.`,
      },
      {
        author: "ravi-c",
        hoursLater: 10,
        votes: 2,
        body: `Public sector, so we ran in parallel across one full month-end close. Nobody would sign off without seeing a close.`,
      },
      {
        author: "catie",
        hoursLater: 26,
        votes: 3,
        body: `The diff report itself became a board that the business owners watched. That turned "IT says it's fine" into "I can see it's fine", which is what actually got us permission to switch off.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "isabella-novak",
    title: "Rate limits when pulling GTFS-realtime feeds every 30 seconds",
    body: `We poll our own GTFS-realtime vehicle positions endpoint every 30 seconds. Northwind's HTTP connector sometimes reports 429 from *Northwind's* side, not ours. Is there a limit on schedule frequency?`,
    tags: ["api", "rate-limits", "transit"],
    daysAgo: 58,
    votes: 2,
    replies: [
      {
        author: "noah-williams",
        hoursLater: 4,
        votes: 3,
        accepted: true,
        body: `Schedules below 1 minute count against the workspace's **trigger rate limit** (60 triggered runs per minute by default). With several feeds at 30 seconds plus other flows, you can hit it.

For polling that frequent, use a single flow with a "loop every 30s for 15 minutes" step and schedule *that* every 15 minutes. One run, many polls, no trigger limit.`,
      },
      {
        author: "isabella-novak",
        hoursLater: 22,
        body: `Switched to the loop pattern: one run per 15 minutes per feed, no more 429s. The run history is much tidier too.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "grace-mwangi",
    title: "Sensor gaps: how do you tell 'no data' from 'temperature was fine'?",
    body: `Our cold-chain trucks send temperature readings every 5 minutes when they have signal. When a truck drives through an area with no coverage, we get a gap and then a burst. The board currently interpolates across the gap, which hides exactly the periods we most need to check.`,
    tags: ["iot", "data-quality", "logistics"],
    daysAgo: 38,
    votes: 2,
    replies: [
      {
        author: "mikko-v",
        hoursLater: 5,
        votes: 3,
        accepted: true,
        body: `Don't let the board interpolate; make the gap a first-class row. In the flow, generate the expected 5-minute grid per truck and left-join the readings onto it. Missing slots get \`reading = null, status = 'no_signal'\`. Then the board can colour those slots grey and you can report "minutes without signal" as its own metric.

When the burst arrives later, the incremental load updates those rows in place (merge on truck + slot).`,
      },
      {
        author: "catie",
        hoursLater: 12,
        votes: 2,
        body: `Same trick for our telematics. Our dispatchers now trust the board more *because* it shows the grey gaps honestly.`,
      },
    ],
  },
  {
    space: "pipelines",
    kind: "question",
    author: "jack-thompson",
    title: "Has anyone moved from the legacy SFTP connector to the new Files connector?",
    body: `The release notes say the legacy SFTP connector is deprecated next year. We have 40 flows on it. Before I plan the migration: any gotchas with the new Files connector?`,
    tags: ["connectors", "sftp", "migration"],
    daysAgo: 6,
    votes: 1,
    replies: [
      {
        author: "bram-devries",
        hoursLater: 9,
        votes: 1,
        body: `Moved 12 flows so far. Two gotchas: file modification times are now read in UTC (our old flows assumed local time), and the new connector doesn't follow symlinks unless you tick the option.`,
      },
    ],
  },
];

const DASHBOARDS: SeedThread[] = [
  {
    space: "dashboards",
    kind: "question",
    author: "declan-m",
    title: "Board takes 25 seconds to load every Monday morning",
    body: `Our audience board (12 tiles, 9 months of data) loads in 2–3 seconds most of the week and in 20–25 seconds on Monday mornings when the whole newsroom opens it. Where should I look first?`,
    tags: ["performance", "caching", "dashboards"],
    daysAgo: 158,
    votes: 3,
    replies: [
      {
        author: "david-levi",
        hoursLater: 2,
        votes: 5,
        accepted: true,
        body: `Classic thundering herd: everyone's first open misses the cache at the same time. Three things:

1. **Tile cache TTL** (board settings → Caching). Default is 5 minutes; a Monday board is fine at 60.
2. **Warm it**: schedule a snapshot of the board for 08:45. The snapshot runs the queries and fills the cache before people arrive.
3. Check the slowest tile in the query inspector (tile menu → Inspect). Ours was a "distinct users" count over 9 months; we replaced it with a pre-aggregated daily table.

We went from ~18 s to under 2 s on Mondays with 1 and 2 alone.`,
      },
      {
        author: "declan-m",
        hoursLater: 26,
        body: `Warming the cache with a scheduled snapshot is brilliant. This Monday it opened in 1.8 seconds. The newsroom has no idea anything changed, which is exactly right.`,
      },
      {
        author: "elena-petrova",
        hoursLater: 40,
        votes: 1,
        body: `Bookmarking this. We have the same pattern with our 07:00 production review.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "lan-nguyen",
    title: "Drill-through from a region tile to a filtered detail board?",
    body: `On our delivery board, I want people to click a region on the map tile and land on the shipments board already filtered to that region. Is that possible without building a board per region?`,
    tags: ["drill-through", "filters", "dashboards"],
    daysAgo: 141,
    votes: 2,
    replies: [
      {
        author: "priscila-santos",
        hoursLater: 3,
        votes: 4,
        accepted: true,
        body: `Yes: tile menu → **Interactions** → "On click: open board", pick the shipments board and map the clicked field to its \`region\` filter. The target board needs \`region\` as a board-level filter (not just on one tile) for the mapping to appear.

You can pass more than one field; we pass region and the current date range so people land on the same week they were looking at.`,
      },
      {
        author: "lan-nguyen",
        hoursLater: 6,
        body: `The board-level filter was what I was missing. Works perfectly now.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "discussion",
    author: "catie",
    title: "Getting dispatchers and executives to trust the same number",
    body: `The hardest part of our carrier scorecard wasn't the pipelines. It was that dispatch measured "on time" against the appointment window and the exec team measured it against the promised delivery date. Same words, different numbers, weekly arguments.

What fixed it for us: one certified metric in the Metric Layer, with the definition written in plain English *on the tile itself*, and a second, clearly named metric for the other view.

I'd love to hear how others handle metric definitions that different teams care about differently.`,
    tags: ["metrics", "change-management", "metric-layer"],
    daysAgo: 127,
    votes: 7,
    replies: [
      {
        author: "carlos-mendoza",
        hoursLater: 2,
        votes: 4,
        body: `We did the same with "OEE". Production and finance each had their own. Now there's "OEE (shift)" and "OEE (financial)", both certified, both defined in a sentence. The arguments moved from "your number is wrong" to "which one answers this question", which is a much better argument to have.`,
      },
      {
        author: "seun",
        hoursLater: 7,
        votes: 3,
        body: `In banking, regulators force the issue: one definition, documented, with an owner. We put the owner's name in the metric description, so people know who to ask rather than who to blame.`,
      },
      {
        author: "hannah-lindqvist",
        hoursLater: 15,
        votes: 2,
        body: `"Length of stay" has four definitions in our hospitals. We certified two and retired two. Retiring was harder than certifying.`,
      },
      {
        author: "priya",
        hoursLater: 60,
        votes: 2,
        body: `Catie, would you be up for turning this into a short talk for the next customer webinar? "Same words, different numbers" is a story a lot of people need to hear.`,
      },
      {
        author: "catie",
        hoursLater: 63,
        votes: 1,
        body: `@priya yes, happily. Put me down.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "rosa-jimenez",
    title: "Accessible colours for boards shown on the public website?",
    body: `We publish a few county boards (permits, 311 requests) on our website. Someone pointed out the red/green status tiles are unreadable for colour-blind residents. What palettes are people using?`,
    tags: ["accessibility", "public-sector", "design"],
    daysAgo: 112,
    votes: 4,
    replies: [
      {
        author: "elena-petrova",
        hoursLater: 4,
        votes: 4,
        accepted: true,
        body: `Switch the board theme to **"Accessible (Okabe–Ito)"** under board settings → Theme; it's a palette designed for colour-vision deficiency. Then, more importantly, never rely on colour alone: add an icon or a text label to status tiles ("On track", "Behind").

We also run every public board through a contrast checker; the default light grey axis labels failed for us at small sizes.`,
      },
      {
        author: "fatima-alsayed",
        hoursLater: 9,
        votes: 2,
        body: `Same requirement here (public services agency). We also add a text summary under each chart for screen-reader users: "Permits issued rose 12% this month".`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "priscila-santos",
    title: "Scheduled Slack snapshot shows yesterday's numbers",
    body: `Our 08:00 Slack snapshot of the sales board shows the previous day's totals even though the nightly flow finishes at 05:30. If I open the board at 08:05 it's correct. What am I missing?`,
    tags: ["snapshots", "slack", "caching"],
    daysAgo: 88,
    votes: 2,
    replies: [
      {
        author: "declan-m",
        hoursLater: 2,
        votes: 3,
        accepted: true,
        body: `The snapshot is probably served from the tile cache, which was filled before the flow finished. In the snapshot settings tick **"Refresh data before sending"**. Or, neater, trigger the snapshot from the flow's last step ("On success: send snapshot") instead of a clock time, so it can never run before the data is there.`,
      },
      {
        author: "priscila-santos",
        hoursLater: 5,
        body: `Triggering from the flow's last step — so obvious once someone says it. Done.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "elena-petrova",
    title: "Showing forecast vs actual for solar output on one tile",
    body: `We have hourly actual production and a day-ahead forecast in separate tables. I want one line chart with both, and a shaded band for the forecast's 80% interval. Can a single tile do that?`,
    tags: ["charts", "forecasting", "energy"],
    daysAgo: 71,
    votes: 3,
    replies: [
      {
        author: "ingrid-solberg",
        hoursLater: 6,
        votes: 3,
        accepted: true,
        body: `Yes, with a combined query: union the two tables into long format (\`hour, series, value, lower, upper\`) and use the line chart's **band** option mapped to lower/upper for the forecast series only.

~~~sql
select hour, 'actual' as series, mwh as value, null as lower, null as upper from production
union all
select hour, 'forecast', p50, p10, p90 from forecast
~~~

Set the forecast line to dashed so it reads as a different kind of number.`,
      },
      {
        author: "lukas-becker",
        hoursLater: 20,
        votes: 2,
        body: `We do exactly this for wind. Tip: filter the forecast to the version issued the day before, not the latest, or you'll be comparing actuals to a forecast that already knew them.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "discussion",
    author: "hannah-lindqvist",
    title: "How many tiles is too many on one board?",
    body: `Our ED operations board has grown to 31 tiles. Nobody can find anything, but every tile has someone who says they need it. Curious where others draw the line and how you had the conversation.`,
    tags: ["design", "dashboards", "change-management"],
    daysAgo: 47,
    votes: 4,
    replies: [
      {
        author: "carlos-mendoza",
        hoursLater: 3,
        votes: 3,
        body: `Our rule: a board answers one question, and the title is that question. "Are we keeping up with arrivals right now?" Anything that doesn't help answer it goes to another board, linked at the bottom.`,
      },
      {
        author: "declan-m",
        hoursLater: 8,
        votes: 2,
        body: `Look at tile view counts (board menu → Usage). We found 11 tiles nobody had opened in 90 days. Removing those was an easy conversation.`,
      },
      {
        author: "rosa-jimenez",
        hoursLater: 30,
        votes: 1,
        body: `We split ours into "now" (live operations, 8 tiles) and "this month" (trends, 12 tiles). Same data, different moments of the day.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "chloe-anderson",
    title: "Attendance board by school: how to hide small numbers for privacy?",
    body: `Our attendance board breaks down by school, grade and student group. Some groups have 3 or 4 students, and showing their rates could identify individuals. Is there a built-in way to suppress small cells?`,
    tags: ["privacy", "education", "governance"],
    daysAgo: 24,
    votes: 3,
    replies: [
      {
        author: "marisol",
        hoursLater: 4,
        votes: 4,
        accepted: true,
        body: `There's no one-click option that I know of, but a metric-level rule works well. In the Metric Layer, define the rate with a suppression condition:

~~~sql
case when count(distinct student_id) < 10 then null
     else avg(present::int) end
~~~

and set the tile to show nulls as "<10". Because it's in the certified metric, every board that uses it suppresses the same way, including exports.`,
      },
      {
        author: "meera-pillai",
        hoursLater: 10,
        votes: 2,
        body: `In healthcare we also suppress the *complementary* cell (otherwise you can subtract from the total). Worth checking whether your totals row gives it away.`,
      },
    ],
  },
  {
    space: "dashboards",
    kind: "question",
    author: "arjun-kapoor",
    title: "Can a board show numbers in each viewer's own currency?",
    body: `We have viewers in the US, UK and India. Finance wants revenue tiles in each viewer's currency using the month-end rate. Is there a per-viewer currency setting, or do people build three boards?`,
    tags: ["currency", "metrics", "dashboards"],
    daysAgo: 3,
    votes: 1,
    replies: [],
  },
];

const SECURITY: SeedThread[] = [
  {
    space: "security-governance",
    kind: "question",
    author: "sophie-laurent",
    title: "Rotating the SAML signing certificate without locking everyone out",
    body: `Our IdP's SAML signing certificate expires in three weeks. Last time (before Northwind) a rotation locked 2,000 people out for a morning. What's the safe sequence with Northwind?`,
    tags: ["sso", "saml", "certificates"],
    daysAgo: 165,
    votes: 4,
    replies: [
      {
        author: "noah-williams",
        hoursLater: 3,
        votes: 6,
        accepted: true,
        body: `Northwind accepts **two** IdP certificates at once, which makes this painless:

1. Generate the new certificate in your IdP but don't activate it yet.
2. In Northwind (Admin → Authentication → SAML), add the new certificate as "secondary". Both are now trusted.
3. Activate the new certificate in your IdP. Logins keep working because Northwind trusts both.
4. After a day, remove the old certificate from Northwind.

Keep a **break-glass admin** (a local password account with MFA, stored in your vault) in case anything goes wrong. Test it before step 3.`,
      },
      {
        author: "sophie-laurent",
        hoursLater: 30,
        body: `Did it this morning exactly in that order. Nobody noticed, which is the best possible outcome. Thank you, Noah.`,
      },
      {
        author: "zanele",
        hoursLater: 34,
        votes: 2,
        body: `Adding this to our runbook. We didn't know about the secondary certificate slot.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "yasmin-haddad",
    title: "Row-level security by desk for a trading team",
    body: `Traders should only see positions for their own desk; risk sees everything. Desk membership lives in our HR system and changes weekly. How are people wiring RLS to a source of truth like that?`,
    tags: ["row-level-security", "governance", "finance"],
    daysAgo: 149,
    votes: 3,
    replies: [
      {
        author: "seun",
        hoursLater: 5,
        votes: 4,
        accepted: true,
        body: `We do this at Lagoon for branch-level access. Pattern:

1. A flow loads the mapping (\`user_email, desk\`) from HR into a table every hour.
2. The RLS policy on the positions dataset joins to it:

~~~sql
desk in (select desk from access.user_desk where user_email = current_user_email())
  or current_user_has_role('risk')
~~~

3. An audit board shows who could see which desk on any given day, which our auditors love.

The hourly refresh means a move takes effect within the hour. If you need it instant, trigger the mapping flow from the HR system's webhook.`,
      },
      {
        author: "yasmin-haddad",
        hoursLater: 8,
        body: `The audit board idea is excellent — our compliance team asked for exactly that last quarter.`,
      },
      {
        author: "ethan-cho",
        hoursLater: 21,
        votes: 2,
        body: `Remember to test the policy with the "View as" feature before publishing. We found a desk code with a trailing space that quietly hid everything from one team.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "meera-pillai",
    title: "Column masking for patient identifiers in shared boards",
    body: `Lab operations need turnaround-time boards. Some tables include patient MRNs. We want analysts to join on MRN but never see it. Is column masking applied before or after joins?`,
    tags: ["masking", "privacy", "healthcare"],
    daysAgo: 135,
    votes: 3,
    replies: [
      {
        author: "sophie-laurent",
        hoursLater: 4,
        votes: 4,
        accepted: true,
        body: `Masking is applied at **read time on output columns**, so joins on the raw value still work inside a query; only the displayed or exported value is masked. We use a hash mask (\`sha256\` with a workspace salt) rather than \`****\` so analysts can still count distinct patients.

Double-check one thing: masking doesn't apply to flows run by service accounts. Keep those accounts out of the groups that can create boards.`,
      },
      {
        author: "emma-walsh",
        hoursLater: 16,
        votes: 1,
        body: `We hash too. And we rotate the salt yearly, which breaks year-over-year distinct counts; decide whether that matters to you before you pick a rotation policy.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "discussion",
    author: "seun",
    title: "What our regulator asked for in the Northwind audit (and what we showed them)",
    body: `We had our central bank IT audit last month, the first since moving regulatory reporting to Northwind. Sharing the list in case it helps others prepare:

1. Who can change the regulatory flows → role assignments export, with approvals.
2. Change history for each flow → version history with diffs.
3. Evidence the numbers weren't edited by hand → lineage from source to report, plus the run log.
4. Access reviews → our quarterly review board.
5. Data retention → workspace retention settings and deletion logs.

Total prep: about four days, mostly screenshots. The lineage graph did more for us than any document.`,
    tags: ["audit", "compliance", "lineage"],
    daysAgo: 104,
    votes: 6,
    replies: [
      {
        author: "yasmin-haddad",
        hoursLater: 6,
        votes: 3,
        body: `This is gold. Our external auditors asked for almost the same list. I'd add: evidence that production and development are separated (separate workspaces, separate service accounts).`,
      },
      {
        author: "meera-pillai",
        hoursLater: 18,
        votes: 2,
        body: `Healthcare accreditation asked for #3 in almost the same words. The lineage graph export to PDF is underrated.`,
      },
      {
        author: "priya",
        hoursLater: 40,
        votes: 1,
        body: `Seun, this would make a great case study for other banks. No pressure, but the offer is open.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "zanele",
    title: "SCIM deprovisioning deleted a student assistant's shared boards",
    body: `A student assistant left, their account was deprovisioned via SCIM, and three boards the whole department used disappeared. We restored them from the recycle bin, but how do we stop this happening every semester?`,
    tags: ["scim", "ownership", "offboarding"],
    daysAgo: 86,
    votes: 3,
    replies: [
      {
        author: "fatima-alsayed",
        hoursLater: 3,
        votes: 4,
        accepted: true,
        body: `Two settings fix this:

- Admin → Users → **"On deprovision: transfer content to"** a named admin or a service account (default is "move to recycle bin").
- For shared things, create them in a **team space** owned by a group, not by a person. Then nobody's departure matters.

We also run a monthly report of boards owned by people with an end date in the next 60 days.`,
      },
      {
        author: "zanele",
        hoursLater: 9,
        body: `Transfer-on-deprovision is now set to our department service account. Thank you!`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "rajesh-iyer",
    title: "Least-privilege service accounts for CI deploying flows",
    body: `Our CI deploys flow definitions with the \`nw\` CLI. Right now it uses an admin token, which makes me itch. What's the minimum role a deploy account needs?`,
    tags: ["api", "service-accounts", "devops"],
    daysAgo: 66,
    votes: 3,
    replies: [
      {
        author: "noah-williams",
        hoursLater: 2,
        votes: 4,
        accepted: true,
        body: `Create a service account with the **Builder** role scoped to the target workspace only, plus the "Manage connections: use" permission (not "create"). That's enough for \`nw flows deploy\`.

Give connections their secrets out of band (vault integration), so the CI token never sees database passwords. And set the token to expire; we rotate ours every 90 days from CI itself:

~~~bash
nw tokens rotate --service-account ci-deployer --ttl 90d --output env >> "$GITHUB_ENV"
~~~`,
      },
      {
        author: "mikko-v",
        hoursLater: 13,
        votes: 2,
        body: `Also turn on "require approval for production deploys" on the workspace. CI can then deploy to staging freely and a human approves production.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "ravi-c",
    title: "Retention: deleting taxpayer data after seven years without breaking history boards",
    body: `Law requires us to delete individual taxpayer records after 7 years, but our trend boards go back 12 years. How do others keep long aggregates while deleting the underlying records?`,
    tags: ["retention", "compliance", "governance"],
    daysAgo: 45,
    votes: 4,
    replies: [
      {
        author: "lukas-becker",
        hoursLater: 5,
        votes: 3,
        accepted: true,
        body: `Aggregate before you delete. We keep a yearly aggregate table (counts, sums, by region and category, no identifiers) that a flow fills in *before* the retention job runs. Boards older than the retention window read from the aggregate only.

Then set the retention policy on the detail dataset itself (dataset settings → Retention: 7 years on \`filed_at\`). Deletions are logged, which is your evidence.`,
      },
      {
        author: "seun",
        hoursLater: 11,
        votes: 2,
        body: `Make sure the aggregates can't be used to re-identify anyone: small categories again. Apply the same suppression threshold you'd use for publication.`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "elena-petrova",
    title: "MFA for viewers only reached through embedded boards?",
    body: `Our member portal embeds boards. Security is asking whether the embedded viewers need MFA. They never log into Northwind directly. What did others decide?`,
    tags: ["mfa", "embedding", "security"],
    daysAgo: 21,
    votes: 2,
    replies: [
      {
        author: "noah-williams",
        hoursLater: 7,
        votes: 2,
        body: `With signed embeds, the viewer never authenticates to Northwind at all — your portal does. So MFA belongs in your portal's login. What Northwind needs is that the service account that mints embed tokens is locked down (IP allowlist, short token TTL).`,
      },
    ],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "wei-zhang",
    title: "Audit log export to Splunk: which fields do you actually alert on?",
    body: `We stream the audit log to Splunk now. It's a firehose. Which events do people alert on, and which just get stored?`,
    tags: ["audit", "siem", "security"],
    daysAgo: 7,
    votes: 1,
    replies: [],
  },
  {
    space: "security-governance",
    kind: "question",
    author: "wei-zhang",
    title: "单点登录配置：上海团队登录后被重定向回首页",
    body: `我们在上海办公室的生产环境中启用了单点登录配置（Okta，SAML）。用户登录成功后却被重定向回首页，而不是他们打开的仪表板。有人遇到过吗？`,
    tags: ["sso", "saml"],
    daysAgo: 4,
    replies: [],
  },
];

const SHOW_AND_TELL: SeedThread[] = [
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "catie",
    title: "From 40 carrier spreadsheets to one live scorecard",
    body: `Three years ago our weekly carrier scorecard was 40 spreadsheets stitched together by hand. Today it's one board the whole company opens first thing in the morning. A quick tour of how it's built:

- **Sources:** TMS (Postgres, CDC connector), telematics (Kafka, micro-batches), billing (nightly file drop).
- **Model:** one fact table per stop event, a carrier dimension, and certified metrics for on-time, dwell and detention.
- **Board:** 9 tiles. The most used is a simple table of late loads in the next 4 hours, sorted by how late.

Results: weekly reporting ~14 hours → under 1, on-time 88% → 94% in two quarters, detention charges down about $310k in year one.

What I'd do differently: involve dispatchers in the first week, not the third. Ask me anything.`,
    tags: ["logistics", "dashboards", "case-study"],
    daysAgo: 155,
    votes: 8,
    replies: [
      {
        author: "grace-mwangi",
        hoursLater: 2,
        votes: 3,
        body: `The "late loads in the next 4 hours" table is such a good idea. Did dispatchers use it straight away or did it take convincing?`,
      },
      {
        author: "catie",
        hoursLater: 4,
        votes: 3,
        body: `@grace-mwangi straight away, because it replaced a phone call they hated making. The execs took longer; they wanted the trend charts first.`,
      },
      {
        author: "lan-nguyen",
        hoursLater: 12,
        votes: 2,
        body: `We copied your stop-event fact table design for Mekong Express. It made dwell time trivial to compute. Thank you for sharing it at the summit.`,
      },
      {
        author: "morgan",
        hoursLater: 30,
        votes: 1,
        body: `For anyone new here: Catie's full write-up is in the case study library, with the before/after numbers.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "aiko-t",
    title: "Predicting spindle failures with vibration data and a 40-line Python step",
    body: `We had three unplanned spindle failures last year, each costing about two days of production. We now stream vibration readings from 18 CNC machines and run a small Python step in the flow that flags machines whose vibration RMS trends up for three days.

~~~python
def flag(readings):
    daily = readings.resample("1D", on="ts")["rms"].mean()
    rising = (daily.diff() > 0).rolling(3).sum() == 3
    return bool(rising.iloc[-1]) and daily.iloc[-1] > 1.3 * daily.iloc[-30:].median()
~~~

It isn't clever, but in six months it has flagged four machines, and three of them had bearing wear when maintenance opened them up.`,
    tags: ["manufacturing", "python", "predictive-maintenance"],
    daysAgo: 121,
    votes: 6,
    replies: [
      {
        author: "emre-yilmaz",
        hoursLater: 3,
        votes: 2,
        body: `"It isn't clever" is the best kind of model. We're trying the same thing on loom motors. Did you tune the 1.3 threshold or pick it?`,
      },
      {
        author: "aiko-t",
        hoursLater: 5,
        votes: 2,
        body: `Picked it, then checked it against last year's failures: all three would have been flagged 5–9 days ahead at 1.3. At 1.2 we'd have had too many false alarms for maintenance to take it seriously.`,
      },
      {
        author: "hiroshi-sato",
        hoursLater: 20,
        votes: 1,
        body: `Nice use of the Python step. Are you pinning pandas in the step's requirements? An upgrade changed resample defaults on us once.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "fatima-alsayed",
    title: "A permit approval workflow that cut waiting time from 19 days to 6",
    body: `Building permits at our agency passed through five departments by email. We rebuilt the process as a Northwind workflow with parallel reviews, SLA timers and a public status page.

The biggest gain wasn't automation. It was making the waiting visible: each department sees its own queue and its own SLA on a board, and nobody wants to be the red tile.

Median time from application to decision went from 19 days to 6.`,
    tags: ["workflows", "public-sector", "automation"],
    daysAgo: 99,
    votes: 7,
    replies: [
      {
        author: "rosa-jimenez",
        hoursLater: 5,
        votes: 2,
        body: `"Nobody wants to be the red tile" — I'm stealing that for our next council presentation.`,
      },
      {
        author: "ravi-c",
        hoursLater: 14,
        votes: 2,
        body: `How did you get the departments to agree on the SLAs in the first place? That's where we always stall.`,
      },
      {
        author: "fatima-alsayed",
        hoursLater: 20,
        votes: 3,
        body: `@ravi-c we measured first, for two months, without any targets. Then each department proposed its own SLA based on its own data. Much easier than imposing one.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "mateo-rossi",
    title: "Churn early-warning board for our customer success team",
    body: `We combined product usage, support tickets and billing into one health score per account and put it on a board our CSMs open every morning. Accounts that drop more than 15 points in two weeks go to the top with the three signals that moved most.

Six months in: gross churn down from 2.1% to 1.4% monthly. The CSMs say the "why it moved" column matters more than the score.`,
    tags: ["customer-success", "salesforce", "analytics"],
    daysAgo: 73,
    votes: 5,
    replies: [
      {
        author: "arjun-kapoor",
        hoursLater: 4,
        votes: 2,
        body: `How do you write the score back to Salesforce? We'd like ours on the account page.`,
      },
      {
        author: "mateo-rossi",
        hoursLater: 7,
        votes: 3,
        body: `@arjun-kapoor reverse sync step at the end of the flow: it upserts \`Health_Score__c\` and \`Health_Reasons__c\` on Account by external id. Runs nightly, takes about four minutes for 9,000 accounts.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "chloe-anderson",
    title: "Chronic absence board that teachers actually use",
    body: `We built a board for teachers that shows only their own students who have missed 10% or more of days so far, with the dates and a one-click "log outreach" action. No trends, no district averages.

Teachers logged 3,400 outreach contacts in the first term, and chronic absence fell 4 points compared with the same term last year. Small, specific, useful beats comprehensive.`,
    tags: ["education", "dashboards", "workflows"],
    daysAgo: 52,
    votes: 6,
    replies: [
      {
        author: "anjali-d",
        hoursLater: 6,
        votes: 2,
        body: `The "log outreach" action is the clever bit. Is that a workflow behind the button?`,
      },
      {
        author: "chloe-anderson",
        hoursLater: 9,
        votes: 2,
        body: `@anjali-d yes, a two-step workflow: a form (method, note) and a write to our student information system via its API. Teachers never see the workflow, just the button.`,
      },
      {
        author: "marisol",
        hoursLater: 30,
        votes: 1,
        body: `Love the restraint. We're trying to convince our faculty boards to show less, and this is a great example.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "kwame",
    title: "Cutting our Northwind bill by 42% without losing a single board",
    body: `We ran a three-week clean-up on our workspace. What made the difference:

| Change | Saving |
| --- | --- |
| Full reloads → incremental on 11 flows | 24% |
| Tile cache TTL 5 → 30 minutes on busy boards | 9% |
| Deleted 37 flows nobody used | 6% |
| Moved heavy transforms to off-peak | 3% |

The usage explorer was the tool. Sort flows by credits, ask the owner of the top ten one question each.`,
    tags: ["cost-optimization", "finops"],
    daysAgo: 29,
    votes: 7,
    replies: [
      {
        author: "david-levi",
        hoursLater: 2,
        votes: 3,
        body: `Nearly identical numbers to ours. Incremental loads are always the biggest line.`,
      },
      {
        author: "rajesh-iyer",
        hoursLater: 10,
        votes: 2,
        body: `37 unused flows! We found 22. There should be a badge for this.`,
      },
    ],
  },
  {
    space: "show-and-tell",
    kind: "discussion",
    author: "ingrid-solberg",
    title: "Which headlines keep readers? A small newsroom experiment",
    body: `We joined article reads with scroll depth and return visits and built a board for editors showing "completion rate" instead of page views. Editors now A/B test two headlines for the first hour and keep the one with better completion, not more clicks.

Early result: slightly fewer clicks, 11% more readers who come back within a week.`,
    tags: ["media", "analytics", "experiments"],
    daysAgo: 13,
    votes: 3,
    replies: [
      {
        author: "declan-m",
        hoursLater: 5,
        votes: 2,
        body: `We've been arguing about clicks vs completion for a year. Would you share how you define completion? Scroll to 75%?`,
      },
      {
        author: "ingrid-solberg",
        hoursLater: 8,
        votes: 1,
        body: `@declan-m 75% scroll *and* at least 30 seconds on the page. Scroll alone counted people flicking to the bottom to find the comments.`,
      },
    ],
  },
];

const FEEDBACK: SeedThread[] = [
  {
    space: "product-feedback",
    kind: "discussion",
    author: "ethan-cho",
    title: "Request: dry-run mode for flows",
    body: `I'd like to run a flow against production sources without writing anything: show me row counts per step, schema of outputs and any contract violations. Today we clone the flow into a sandbox workspace, which works but is clumsy and easy to forget to clean up.`,
    tags: ["feature-request", "flows", "testing"],
    daysAgo: 139,
    votes: 8,
    replies: [
      {
        author: "tomas-aguilar",
        hoursLater: 3,
        votes: 3,
        body: `+1. For migrations this would have saved us weeks.`,
      },
      {
        author: "wei-zhang",
        hoursLater: 8,
        votes: 2,
        body: `+1, and please include a sample of 20 rows per step output. Counts alone don't show a bad join.`,
      },
      {
        author: "jonas",
        hoursLater: 72,
        votes: 3,
        helpful: false,
        body: `Thanks all — this is now on the roadmap as "Preview runs". MVPs will get an early look in the MVP lounge; I'll post here when it's in beta for everyone.`,
      },
    ],
  },
  {
    space: "product-feedback",
    kind: "discussion",
    author: "rosa-jimenez",
    title: "Board subscriptions should respect the viewer's time zone",
    body: `Our county has staff in two time zones. A snapshot scheduled for 08:00 arrives at 07:00 for half of them. Could subscriptions be "08:00 in each recipient's time zone"?`,
    tags: ["feature-request", "snapshots", "time-zones"],
    daysAgo: 116,
    votes: 4,
    replies: [
      {
        author: "lan-nguyen",
        hoursLater: 10,
        votes: 2,
        body: `Same for us across Vietnam and Thailand. Today we schedule two identical snapshots.`,
      },
      {
        author: "priya",
        hoursLater: 48,
        votes: 1,
        body: `Passed to the product team with both of your examples. They asked whether date filters like "yesterday" should also follow the recipient's zone — opinions welcome.`,
      },
      {
        author: "rosa-jimenez",
        hoursLater: 55,
        votes: 1,
        body: `@priya yes please, otherwise "yesterday" is wrong for a few hours every morning.`,
      },
    ],
  },
  {
    space: "product-feedback",
    kind: "discussion",
    author: "noah-williams",
    title: "The API's 600 requests/minute limit is tight for bulk metadata sync",
    body: `We sync board and flow metadata into our internal catalogue. With ~4,000 objects and a call per object for details, we hit the 600/min limit and the sync takes ages. A bulk endpoint (or a higher limit for read-only metadata) would help.`,
    tags: ["api", "rate-limits", "feature-request"],
    daysAgo: 90,
    votes: 4,
    replies: [
      {
        author: "ana-kowalska",
        hoursLater: 6,
        votes: 2,
        accepted: false,
        body: `Workaround until then: the list endpoints accept \`?expand=owner,tags,schedule\`, which covers most of what we needed per object. Our sync went from 4,000 calls to 40.`,
      },
      {
        author: "noah-williams",
        hoursLater: 9,
        votes: 1,
        body: `@ana-kowalska that \`expand\` parameter isn't in the docs I was reading. Trying it now, thank you.`,
      },
    ],
  },
  {
    space: "product-feedback",
    kind: "discussion",
    author: "anjali-d",
    title: "Please let us comment on a tile",
    body: `When a number looks odd, the conversation happens in chat and the context is lost. A comment thread on each tile (with @mentions) would keep the "why" next to the number.`,
    tags: ["feature-request", "collaboration", "dashboards"],
    daysAgo: 62,
    votes: 6,
    replies: [
      {
        author: "carlos-mendoza",
        hoursLater: 4,
        votes: 2,
        body: `Yes! And let comments be pinned to a date on a time series: "Plant 2 shut for maintenance" on the week it happened.`,
      },
      {
        author: "declan-m",
        hoursLater: 20,
        votes: 1,
        body: `Annotations on time series would be the killer feature for us too.`,
      },
    ],
  },
  {
    space: "product-feedback",
    kind: "discussion",
    author: "lukas-becker",
    title: "Lineage graph gets unreadable past ~200 nodes",
    body: `Our lineage graph for the energy trading domain has ~350 nodes. It renders, but it's a hairball. Filtering by "upstream of this board, 3 hops" would make it usable.`,
    tags: ["lineage", "governance", "feature-request"],
    daysAgo: 35,
    votes: 3,
    replies: [
      {
        author: "seun",
        hoursLater: 12,
        votes: 1,
        body: `+1. During audits I need "everything upstream of this report", nothing else.`,
      },
    ],
  },
  {
    space: "product-feedback",
    kind: "discussion",
    author: "leilani",
    title: "Small one: keyboard shortcut to duplicate a tile",
    body: `I duplicate tiles constantly when building boards. A shortcut (Ctrl/Cmd+D) would save a lot of menu clicking.`,
    tags: ["feature-request", "ux"],
    daysAgo: 5,
    votes: 2,
    replies: [],
  },
];

const EVENTS: SeedThread[] = [
  {
    space: "events-and-meetups",
    kind: "discussion",
    author: "jack-thompson",
    title: "Sydney Northwind user group: who's in for a first meetup?",
    body: `There are at least six Northwind customers in Sydney that I know of. I'd like to run an informal meetup: two 15-minute talks, pizza, and a lot of "how did you do X". Our office in Ultimo can fit 40. Interested?`,
    tags: ["meetup", "sydney", "user-group"],
    daysAgo: 108,
    votes: 4,
    replies: [
      {
        author: "morgan",
        hoursLater: 5,
        votes: 2,
        body: `Love this, Jack. We can cover the pizza and send stickers. Let me know the date and I'll put it on the events calendar.`,
      },
      {
        author: "jack-thompson",
        hoursLater: 40,
        votes: 1,
        body: `Booked for the 14th. First talk: our ad-impressions pipeline. Still looking for a second speaker — anyone?`,
      },
    ],
  },
  {
    space: "events-and-meetups",
    kind: "discussion",
    author: "priya",
    title: "Call for speakers: Northwind Summit customer track",
    body: `The customer track at this year's Summit has eight 25-minute slots. We're looking for stories with numbers: what you changed, what it did, what you'd do differently. First-time speakers very welcome; we'll pair you with a coach.

Reply here or apply on the speaking page before the end of the month.`,
    tags: ["summit", "speaking", "call-for-speakers"],
    daysAgo: 80,
    votes: 6,
    replies: [
      {
        author: "fatima-alsayed",
        hoursLater: 6,
        votes: 2,
        body: `I'd like to propose the permit workflow story. Is a public-sector story a fit for the track?`,
      },
      {
        author: "priya",
        hoursLater: 9,
        votes: 1,
        body: `@fatima-alsayed absolutely — please apply, that story is exactly what the track is for.`,
      },
      {
        author: "aiko-t",
        hoursLater: 30,
        votes: 1,
        body: `Applied with the spindle-failure story. A bit nervous, so the coach offer is appreciated.`,
      },
    ],
  },
  {
    space: "events-and-meetups",
    kind: "discussion",
    author: "catie",
    title: "Notes from my first conference talk (and how I stopped shaking)",
    body: `A few people asked after the Columbus meetup, so here are my notes for first-time speakers:

- Tell one story, not everything you know.
- Rehearse out loud three times with a timer. The third time is where it gets smooth.
- Put the clicker in your pocket if your hands shake. Nobody can tell.
- Have one slide with the number that matters, alone, big.

And say yes to the invitation. It gets easier after the first one.`,
    tags: ["speaking", "advice"],
    daysAgo: 44,
    votes: 7,
    replies: [
      {
        author: "aiko-t",
        hoursLater: 3,
        votes: 2,
        body: `Reading this two weeks before my Summit slot. "Rehearse out loud three times" is going in my calendar.`,
      },
      {
        author: "zanele",
        hoursLater: 9,
        votes: 2,
        body: `The one slide with one number is the best advice here. Thanks, Catie.`,
      },
    ],
  },
  {
    space: "events-and-meetups",
    kind: "discussion",
    author: "morgan",
    title: "Webinar next week: Governance that doesn't slow anyone down",
    body: `Next Thursday at 16:00 UTC, @seun and @yasmin-haddad share how their teams pass audits without blocking analysts. 40 minutes plus questions. Recording will be posted in this thread.`,
    tags: ["webinar", "governance"],
    daysAgo: 8,
    votes: 3,
    replies: [
      {
        author: "ravi-c",
        hoursLater: 4,
        votes: 1,
        body: `Registered. Could you cover how you handle access reviews? That's our current pain.`,
      },
    ],
  },
];

const LOUNGE: SeedThread[] = [
  {
    space: "advocates-lounge",
    kind: "discussion",
    author: "sophie-laurent",
    title: "How do you say no to a reference call without burning the relationship?",
    body: `I've done four reference calls this quarter and I'm happy to help, but I also have a job. How do others decline politely, and does the fatigue limit in Limelight actually help?`,
    tags: ["references", "boundaries"],
    daysAgo: 100,
    votes: 5,
    replies: [
      {
        author: "catie",
        hoursLater: 3,
        votes: 3,
        body: `I set my monthly limit to one and let the platform say no for me. Managers have been good about it. When I do decline directly I offer a written answer to their top three questions instead; prospects often prefer it.`,
      },
      {
        author: "morgan",
        hoursLater: 12,
        votes: 2,
        body: `From our side: please decline whenever you need to. We'd rather route a request to someone else than have anyone feel obliged. That's what the limit is for.`,
      },
    ],
  },
  {
    space: "advocates-lounge",
    kind: "discussion",
    author: "hannah-lindqvist",
    title: "Getting legal approval to publish a case study",
    body: `Our case study draft has been with legal for seven weeks. The numbers are the problem: they're happy with percentages, not absolute figures. Has anyone found a format that legal teams accept more easily?`,
    tags: ["case-studies", "legal"],
    daysAgo: 70,
    votes: 4,
    replies: [
      {
        author: "seun",
        hoursLater: 6,
        votes: 2,
        body: `Percentages and ranges ("between 30 and 40 hours a week") got ours through. Also: send legal the final layout, not a Word file. They were more relaxed once they saw how it would look.`,
      },
      {
        author: "meera-pillai",
        hoursLater: 20,
        votes: 2,
        body: `We agreed a standing list of "always fine to share" facts with legal once, and now case studies only go back to them for anything outside the list.`,
      },
    ],
  },
  {
    space: "advocates-lounge",
    kind: "discussion",
    author: "jack-thompson",
    title: "What got you to say yes to your first talk?",
    body: `Trying to recruit a second speaker for the Sydney meetup. For those of you who speak now: what made you say yes the first time?`,
    tags: ["speaking", "community"],
    daysAgo: 55,
    votes: 3,
    replies: [
      {
        author: "catie",
        hoursLater: 2,
        votes: 2,
        body: `Someone asked me a specific question after a meeting and said "you should tell this story to a room". Being asked personally matters more than any call for speakers.`,
      },
      {
        author: "tomas-aguilar",
        hoursLater: 7,
        votes: 2,
        body: `A 15-minute slot. An hour sounded impossible; 15 minutes sounded like a long answer to a question.`,
      },
      {
        author: "grace-mwangi",
        hoursLater: 26,
        votes: 1,
        body: `Co-presenting with a colleague. Half the talk, half the fear.`,
      },
    ],
  },
  {
    space: "advocates-lounge",
    kind: "discussion",
    author: "zanele",
    title: "Mentoring new admins: anyone doing it formally?",
    body: `Three universities in our region just bought Northwind. I'd like to mentor their admins for their first three months. Is anyone doing structured mentoring, and what does a good first session look like?`,
    tags: ["mentoring", "onboarding"],
    daysAgo: 26,
    votes: 3,
    replies: [
      {
        author: "carlos-mendoza",
        hoursLater: 8,
        votes: 2,
        body: `I mentor two plant managers. First session: I only ask what they need to show their boss in 90 days, and we plan backwards from that. Everything technical comes later.`,
      },
      {
        author: "jonas",
        hoursLater: 30,
        votes: 1,
        body: `Zanele, we'd love to support this. Training can give you the new-admin checklist and a sandbox workspace for joint sessions. I'll message you.`,
      },
    ],
  },
  {
    space: "advocates-lounge",
    kind: "discussion",
    author: "mateo-rossi",
    title: "Off topic: what are you reading this month?",
    body: `Mine is *The Hidden Wealth of Customers* — fitting, given where we are. Anything good you'd recommend, work-related or not?`,
    tags: ["off-topic", "books"],
    daysAgo: 10,
    votes: 2,
    replies: [
      {
        author: "ingrid-solberg",
        hoursLater: 4,
        votes: 1,
        body: `*Storytelling with Data*, again. Every time I reread it I delete a chart.`,
      },
      {
        author: "kwame",
        hoursLater: 11,
        votes: 1,
        body: `A history of the electricity grid in West Africa. Niche, but I can't put it down.`,
      },
    ],
  },
];

const MVP: SeedThread[] = [
  {
    space: "mvp-lounge",
    kind: "discussion",
    author: "jonas",
    title: "Early look: Preview runs (dry-run for flows)",
    body: `As promised in product feedback: preview runs are in private beta for MVPs from today. Run any flow against live sources with writes disabled and see counts, schemas, a 20-row sample per step and contract violations.

Please try it on something real and tell us what's missing. Feedback in this thread stays between MVPs and the product team until general availability.`,
    tags: ["roadmap", "beta", "flows"],
    daysAgo: 18,
    votes: 2,
    replies: [
      {
        author: "priya",
        hoursLater: 20,
        body: `Reminder: the beta is under the MVP programme's NDA until the public announcement.`,
      },
    ],
  },
  {
    space: "mvp-lounge",
    kind: "discussion",
    author: "priya",
    title: "Roadmap briefing recording: the next two releases",
    body: `The recording and slides from Tuesday's roadmap briefing are linked in the early-access library. Highlights: tile comments and time-series annotations, bulk metadata API, and lineage filtering by hops. Questions welcome here.`,
    tags: ["roadmap", "briefing"],
    daysAgo: 11,
    votes: 1,
    replies: [
      {
        author: "morgan",
        hoursLater: 6,
        body: `Thanks to everyone who joined live — 31 of you, a record for a briefing.`,
      },
    ],
  },
];

/** Every thread of the demo community, each replayed at its own moment in the past. */
export const SEED_THREADS: SeedThread[] = [
  ...ASK,
  ...PIPELINES,
  ...DASHBOARDS,
  ...SECURITY,
  ...SHOW_AND_TELL,
  ...FEEDBACK,
  ...EVENTS,
  ...LOUNGE,
  ...MVP,
];

/**
 * Later replies to the threads above: follow-ups, second opinions, thanks and
 * the occasional disagreement, the way real threads grow over weeks.
 */
const LATER_REPLIES: Record<string, SeedReply[]> = {
  "How long did your SSO rollout with Okta actually take?": [
    {
      author: "noah-williams",
      hoursLater: 40,
      votes: 2,
      body: `One more from the SaaS side: test SCIM with a user who belongs to *no* mapped group before go-live. In our pilot they landed with no role and a blank home page, which generated three tickets in an hour. We now map "everyone else" to Viewer explicitly.`,
    },
    {
      author: "daniel-hughes",
      hoursLater: 700,
      body: `Update for anyone finding this later: we went live last week, five and a half weeks from kickoff. The group mapping workshop took two sessions, exactly as Sophie warned. Thanks again, everyone.`,
    },
    {
      author: "sophie-laurent",
      hoursLater: 706,
      votes: 1,
      body: `@daniel-hughes congratulations! Five and a half weeks in a hospital is genuinely quick.`,
    },
  ],
  "Is Northwind overkill for a 60-person food distributor?": [
    {
      author: "catie",
      hoursLater: 60,
      votes: 2,
      body: `We're much bigger, but the advice holds at any size: pick the one meeting that runs on a spreadsheet and kill that spreadsheet first. Everyone in the room sees the value on day one.`,
    },
    {
      author: "tomas-aguilar",
      hoursLater: 75,
      votes: 1,
      body: `Grocery retail here. Margin after delivery cost is usually the first surprise for distributors, so be ready for an uncomfortable but valuable conversation in month one.`,
    },
  ],
  "Can Northwind pipelines handle robot telemetry at ~50k events per second?": [
    {
      author: "hiroshi-sato",
      hoursLater: 40,
      votes: 1,
      body: `Agree with Jack. We keep raw clickstream in object storage partitioned by hour and point a flow at it only for the aggregates. Storage is cheap; compute per event is not.`,
    },
    {
      author: "lukas-becker",
      hoursLater: 52,
      votes: 0,
      body: `Turbine SCADA runs at 1 Hz per signal, about 20k signals, so a similar order of magnitude. Micro-batches of 60 seconds work fine for us. Fault alarms stay in the control system, as they should.`,
    },
  ],
  "Do any public-sector teams use Northwind with data residency requirements?": [
    {
      author: "nadia-rahman",
      hoursLater: 70,
      body: `The email snapshot detail is exactly the kind of thing our legal team would have found in month three. Thank you, Ravi and Isabella.`,
    },
    {
      author: "rosa-jimenez",
      hoursLater: 96,
      votes: 1,
      body: `County government, same region setup. Our procurement also asked for the incident notification timeline in the contract; Northwind's standard was 48 hours and they agreed to 24 for us.`,
    },
  ],
  "How do you teach non-technical staff to build their own boards?": [
    {
      author: "morgan",
      hoursLater: 45,
      votes: 1,
      body: `Carlos, the sandbox/published split is now in our admin onboarding guide, with credit to you. Thank you for writing it down so clearly.`,
    },
    {
      author: "anjali-d",
      hoursLater: 60,
      votes: 1,
      body: `Online academy here. We add a "certified" badge to boards that passed review, and people learned to trust the badge within a month.`,
    },
    {
      author: "leilani",
      hoursLater: 80,
      votes: 0,
      body: `Small team tip: office hours work even with five people. Ours is 30 minutes on Fridays with coffee and the board someone is stuck on.`,
    },
  ],
  "What's the real cost of Northwind compute credits once you're in production?": [
    {
      author: "rajesh-iyer",
      hoursLater: 60,
      votes: 1,
      body: `Add an alert on credits per day per workspace. A 30% jump over the 7-day average has caught two runaway schedules for us before the invoice did.`,
    },
    {
      author: "kenji-watanabe",
      hoursLater: 90,
      body: `This is the most honest pricing discussion I've seen anywhere. Budgeting 1.5× our estimate for the first quarter, then tuning.`,
    },
  ],
  "HL7 and FHIR data into Northwind: connector or middleware?": [
    {
      author: "meera-pillai",
      hoursLater: 30,
      votes: 1,
      body: `Diagnostics network here. Same split: FHIR for what the API gives you, your integration engine for the rest. Make sure your privacy officer signs off the field list before the first sync, not after.`,
    },
    {
      author: "sophie-laurent",
      hoursLater: 48,
      votes: 0,
      body: `Also look at column masking for MRNs from day one; retrofitting it onto boards people already use is painful.`,
    },
    {
      author: "daniel-hughes",
      hoursLater: 200,
      body: `Bed occupancy board is in pilot with two wards. Modelling location history as a slowly changing dimension was the key insight, thanks Hannah.`,
    },
  ],
  "Trial started: which connector should we set up first?": [
    {
      author: "priscila-santos",
      hoursLater: 34,
      votes: 1,
      body: `Lucía, that negative margin finding is the best possible trial outcome. Write down what you found and when; it's your business case for the renewal.`,
    },
    {
      author: "lucia-moreno",
      hoursLater: 80,
      body: `Now connecting the WMS. IT enabled change tracking on six tables without complaint once I explained it saves them load.`,
    },
  ],
  "Is there a way to show a board to customers without giving them accounts?": [
    {
      author: "mateo-rossi",
      hoursLater: 20,
      votes: 1,
      body: `We embed a customer health board in our portal the same way. One extra tip: set a board-level "no drill-through" option for embeds, or curious customers click into detail boards you didn't mean to share.`,
    },
    {
      author: "olivia-bennett",
      hoursLater: 50,
      body: `Signed embeds with locked filters is exactly what we need. Our developer has a prototype working with a 10-minute token.`,
    },
  ],
  "Can we restrict who can export data to CSV?": [
    {
      author: "seun",
      hoursLater: 20,
      votes: 1,
      body: `Same setup at Lagoon. We also watermark image exports with the viewer's email, which discourages screenshots leaving the building.`,
    },
    {
      author: "nadia-rahman",
      hoursLater: 30,
      body: `Perfect, that's the answer our governance lead needed. CSV is off for everyone outside finance as of this morning.`,
    },
    {
      author: "olivia-bennett",
      hoursLater: 60,
      flaggedBy: ["catie", "seun"],
      body: `Slightly off topic, but we're hiring a data analyst at Clearpath Learning. If anyone here knows Northwind and fancies a move, message me!`,
    },
  ],
  "Incremental load from Postgres skips rows after a replica failover": [
    {
      author: "kwame",
      hoursLater: 30,
      votes: 1,
      body: `We hit the same thing with SQL Server after a cluster failover. Lookback of one hour plus a merge key fixed it there too.`,
    },
    {
      author: "bram-devries",
      hoursLater: 45,
      votes: 0,
      body: `If you go the CDC route, alert on replication slot lag. Our primary's disk filled overnight when a flow was paused for maintenance and nobody dropped the slot.`,
    },
  ],
  "How do you retry only the failed step of a flow?": [
    {
      author: "ana-kowalska",
      hoursLater: 26,
      votes: 1,
      body: `Also worth making step 11 idempotent: if the LMS call partially succeeded before the timeout, a resume should not create duplicates. We send a request id derived from the run and record id.`,
    },
    {
      author: "anjali-d",
      hoursLater: 50,
      body: `Retry policy on the step plus idempotent requests, and last night's run recovered on its own at 02:14. Thanks all.`,
    },
  ],
  "Backfilling five years of meter readings: what worked and what didn't": [
    {
      author: "tomas-aguilar",
      hoursLater: 20,
      votes: 1,
      body: `The control table idea from Lukas is what saved our migration too. Resumable beats fast.`,
    },
    {
      author: "kwame",
      hoursLater: 60,
      votes: 0,
      body: `@jonas per-partition progress on the run page would have saved us a lot of money. Looking forward to it.`,
    },
  ],
  "Webhook trigger fires twice for the same event": [
    {
      author: "noah-williams",
      hoursLater: 20,
      votes: 1,
      body: `Good catch on the 3-second sender timeout. Many webhook senders default to 5 seconds or less. Deduplicate on your side no matter what the sender promises.`,
    },
  ],
  "Schema drift: a source column changed type and the flow silently cast it": [
    {
      author: "ethan-cho",
      hoursLater: 20,
      votes: 1,
      body: `We use "fail" rather than "quarantine" for anything that feeds regulatory reports. A late report is better than a wrong one, and the failure gets attention fast.`,
    },
    {
      author: "hiroshi-sato",
      hoursLater: 40,
      body: `Contracts on our 12 CMS sources are live. The first quarantine notification arrived two days later: someone had added "n/a" to the author field.`,
    },
  ],
  "Best way to load machine logs from 40 looms on the factory floor?": [
    {
      author: "emre-yilmaz",
      hoursLater: 40,
      body: `Self-hosted agent on an industrial PC, exactly as described. IT approved it in a day because of the outbound-only connection. Downtime board is next.`,
    },
    {
      author: "wei-zhang",
      hoursLater: 55,
      votes: 0,
      body: `Watch out for partially written CSVs: if a loom is still writing when the agent picks up the file, you get half a batch. We only pick up files older than 2 minutes.`,
    },
  ],
  "Running old and new pipelines side by side during a migration": [
    {
      author: "ethan-cho",
      hoursLater: 40,
      votes: 1,
      body: `We automated the diff as a flow that compares row counts, sums and a hash of each row by key. It found one timezone bug that people had been living with for years in the old system.`,
    },
    {
      author: "isabella-novak",
      hoursLater: 70,
      votes: 0,
      body: `For us the trigger to switch off was a full service change (our timetable changes twice a year). Same idea as Ravi's month-end: one full cycle.`,
    },
  ],
  "Rate limits when pulling GTFS-realtime feeds every 30 seconds": [
    {
      author: "bram-devries",
      hoursLater: 30,
      votes: 0,
      body: `Vessel positions (AIS) here, same pattern. The loop step is underrated.`,
    },
  ],
  "Sensor gaps: how do you tell 'no data' from 'temperature was fine'?": [
    {
      author: "grace-mwangi",
      hoursLater: 30,
      body: `Generated the grid and the grey slots appeared immediately. Our quality team spotted a route where trucks lose signal for 40 minutes every day. Thanks Mikko.`,
    },
    {
      author: "hannah-lindqvist",
      hoursLater: 50,
      votes: 0,
      body: `Same idea for medication fridges in our wards. "Minutes without data" is now a metric the pharmacy reviews weekly.`,
    },
  ],
  "Has anyone moved from the legacy SFTP connector to the new Files connector?": [
    {
      author: "ana-kowalska",
      hoursLater: 30,
      votes: 0,
      body: `One more: the new connector reads files in parallel. If your flow assumed files arrive in name order, add a sort step.`,
    },
  ],
  "Board takes 25 seconds to load every Monday morning": [
    {
      author: "ingrid-solberg",
      hoursLater: 44,
      votes: 0,
      body: `We warm the cache for our 06:30 editorial meeting the same way. Nobody has complained since.`,
    },
    {
      author: "lan-nguyen",
      hoursLater: 60,
      votes: 0,
      body: `The query inspector tip is the one I'd underline. Our slowest tile was a count distinct over a year of shipments, exactly like David's.`,
    },
  ],
  "Drill-through from a region tile to a filtered detail board?": [
    {
      author: "catie",
      hoursLater: 12,
      votes: 1,
      body: `Passing the date range too is a nice touch. Our dispatchers used to land on "last 30 days" and get confused.`,
    },
  ],
  "Getting dispatchers and executives to trust the same number": [
    {
      author: "lan-nguyen",
      hoursLater: 70,
      votes: 1,
      body: `We had exactly this with "delivered": scanned at the door vs signed by the customer. Two metrics with plain-English names ended a six-month argument.`,
    },
    {
      author: "rosa-jimenez",
      hoursLater: 90,
      votes: 0,
      body: `County version: "response time" for 311 meant time to acknowledge for one department and time to resolve for another. Same fix.`,
    },
    {
      author: "ravi-c",
      hoursLater: 120,
      votes: 0,
      body: `Writing the definition on the tile itself is the underrated part. Nobody reads a data dictionary; everybody reads the tile.`,
    },
  ],
  "Accessible colours for boards shown on the public website?": [
    {
      author: "chloe-anderson",
      hoursLater: 30,
      votes: 0,
      body: `Schools have the same obligations. We also check every public board with keyboard only; the date picker was the hardest part to get right.`,
    },
    {
      author: "rosa-jimenez",
      hoursLater: 60,
      body: `Switched to the accessible theme and added text labels. A resident who reported the problem wrote back to say thanks, which made the whole team's week.`,
    },
  ],
  "Scheduled Slack snapshot shows yesterday's numbers": [
    {
      author: "leilani",
      hoursLater: 20,
      votes: 0,
      body: `Triggering snapshots from the flow is how we do our Monday email too. It also means a failed load never sends a wrong email.`,
    },
  ],
  "Showing forecast vs actual for solar output on one tile": [
    {
      author: "elena-petrova",
      hoursLater: 30,
      body: `Worked first time with the long format. Dashed forecast line and the band look great. And Lukas is right: we were comparing against the latest forecast.`,
    },
    {
      author: "kwame",
      hoursLater: 50,
      votes: 0,
      body: `We do the same for grid demand. Consider a small "forecast error %" tile next to the chart; people ask for it immediately.`,
    },
  ],
  "How many tiles is too many on one board?": [
    {
      author: "catie",
      hoursLater: 40,
      votes: 1,
      body: `"A board answers one question" is the rule I wish I'd had three years ago. Our first scorecard had 27 tiles.`,
    },
    {
      author: "hannah-lindqvist",
      hoursLater: 90,
      body: `Split into "now" and "this month" as Rosa suggested, and used view counts to retire 9 tiles. The ED coordinators are much happier.`,
    },
  ],
  "Attendance board by school: how to hide small numbers for privacy?": [
    {
      author: "chloe-anderson",
      hoursLater: 30,
      body: `Suppression in the certified metric plus the complementary-cell check. Our privacy officer approved it the same day. Thank you both.`,
    },
    {
      author: "zanele",
      hoursLater: 45,
      votes: 0,
      body: `Universities have similar rules for small cohorts. We use a threshold of 5 for internal boards and 10 for anything published.`,
    },
  ],
  "Rotating the SAML signing certificate without locking everyone out": [
    {
      author: "yasmin-haddad",
      hoursLater: 60,
      votes: 1,
      body: `Break-glass accounts deserve their own quarterly test. We found ours had an expired MFA device when we finally needed it.`,
    },
  ],
  "Row-level security by desk for a trading team": [
    {
      author: "meera-pillai",
      hoursLater: 40,
      votes: 0,
      body: `We use the same pattern for lab sites. The hourly mapping refresh was fine for us; people rarely move sites more than once a quarter.`,
    },
    {
      author: "yasmin-haddad",
      hoursLater: 100,
      body: `Live for three weeks now. "View as" caught two mapping errors before traders ever saw them.`,
    },
  ],
  "Column masking for patient identifiers in shared boards": [
    {
      author: "hannah-lindqvist",
      hoursLater: 30,
      votes: 1,
      body: `Hash masking is the right call; analysts still need distinct counts. We also keep service accounts in a separate group that cannot publish boards, as Sophie says.`,
    },
  ],
  "What our regulator asked for in the Northwind audit (and what we showed them)": [
    {
      author: "ravi-c",
      hoursLater: 60,
      votes: 1,
      body: `Saved this list. Our public audit office asked for 1, 3 and 4 almost word for word last year.`,
    },
    {
      author: "seun",
      hoursLater: 70,
      votes: 0,
      body: `@priya happy to. Let's talk after our next board meeting; I need to clear it with our compliance head first.`,
    },
    {
      author: "lukas-becker",
      hoursLater: 110,
      votes: 0,
      body: `Energy regulator here asked for the same plus evidence of segregation of duties: the person who builds a flow cannot approve its production deploy.`,
    },
  ],
  "SCIM deprovisioning deleted a student assistant's shared boards": [
    {
      author: "chloe-anderson",
      hoursLater: 30,
      votes: 0,
      body: `Team spaces owned by a group fixed this for us permanently. Teachers come and go; the spaces stay.`,
    },
  ],
  "Least-privilege service accounts for CI deploying flows": [
    {
      author: "rajesh-iyer",
      hoursLater: 20,
      body: `Builder scoped to one workspace plus "use" on connections works. Admin token revoked. Approval for production deploys is on too. Thanks Noah and Mikko.`,
    },
    {
      author: "jack-thompson",
      hoursLater: 45,
      votes: 0,
      body: `We do the same from our CI. Rotating the token from the pipeline itself was the part I hadn't thought of.`,
    },
  ],
  "Retention: deleting taxpayer data after seven years without breaking history boards": [
    {
      author: "ravi-c",
      hoursLater: 40,
      body: `Aggregate-then-delete with suppression on small categories. Our legal team signed it off. Lukas, thank you for the clear steps.`,
    },
  ],
  "MFA for viewers only reached through embedded boards?": [
    {
      author: "elena-petrova",
      hoursLater: 30,
      body: `That settles it: MFA in the portal, IP allowlist on the service account. Security is happy.`,
    },
  ],
  "From 40 carrier spreadsheets to one live scorecard": [
    {
      author: "tomas-aguilar",
      hoursLater: 50,
      votes: 1,
      body: `"Involve dispatchers in week one" is the lesson we also learned late. The people closest to the work know which numbers are lies.`,
    },
    {
      author: "bram-devries",
      hoursLater: 80,
      votes: 0,
      body: `Did you model detention per stop or per load? We're about to do the same for port terminals.`,
    },
    {
      author: "catie",
      hoursLater: 84,
      votes: 1,
      body: `@bram-devries per stop, rolled up to the load. Detention is charged per stop in our contracts, so it had to be.`,
    },
  ],
  "Predicting spindle failures with vibration data and a 40-line Python step": [
    {
      author: "aiko-t",
      hoursLater: 24,
      votes: 0,
      body: `@hiroshi-sato yes, pinned. Learned that from your post about resample defaults, actually.`,
    },
    {
      author: "carlos-mendoza",
      hoursLater: 60,
      votes: 1,
      body: `Showing this to our maintenance lead. Three real bearing catches out of four flags is a better hit rate than our vendor's predictive module.`,
    },
  ],
  "A permit approval workflow that cut waiting time from 19 days to 6": [
    {
      author: "zanele",
      hoursLater: 40,
      votes: 0,
      body: `Measuring before setting targets is such a good approach. We're trying it with research ethics approvals.`,
    },
    {
      author: "isabella-novak",
      hoursLater: 70,
      votes: 0,
      body: `Did the public status page reduce phone calls? That's what our service desk would want to know.`,
    },
    {
      author: "fatima-alsayed",
      hoursLater: 75,
      votes: 1,
      body: `@isabella-novak calls about "where is my permit" dropped by about two thirds in the first quarter.`,
    },
  ],
  "Churn early-warning board for our customer success team": [
    {
      author: "arjun-kapoor",
      hoursLater: 20,
      body: `Reverse sync by external id, got it. Thanks Mateo.`,
    },
    {
      author: "leilani",
      hoursLater: 40,
      votes: 0,
      body: `"Why it moved" beats the score itself, agreed. A number without a reason just creates anxiety.`,
    },
  ],
  "Chronic absence board that teachers actually use": [
    {
      author: "rosa-jimenez",
      hoursLater: 40,
      votes: 0,
      body: `"Small, specific, useful beats comprehensive" should be printed on every analytics team's wall.`,
    },
  ],
  "Cutting our Northwind bill by 42% without losing a single board": [
    {
      author: "lukas-becker",
      hoursLater: 20,
      votes: 0,
      body: `Off-peak scheduling also helped our warehouse bill, not just Northwind credits.`,
    },
    {
      author: "morgan",
      hoursLater: 40,
      votes: 0,
      body: `Kwame, the usage explorer team would love to see this table. Mind if I share it with them?`,
    },
    { author: "kwame", hoursLater: 44, body: `@morgan of course, go ahead.` },
  ],
  "Which headlines keep readers? A small newsroom experiment": [
    {
      author: "jack-thompson",
      hoursLater: 30,
      votes: 0,
      body: `We did something similar with promo clips and "watched to the end". Same result: fewer clicks, more loyal viewers.`,
    },
  ],
  "Request: dry-run mode for flows": [
    {
      author: "hiroshi-sato",
      hoursLater: 20,
      votes: 1,
      body: `+1. Today we run flows against a snapshot of production in a sandbox workspace, which doubles our storage for a week every time.`,
    },
    {
      author: "kwame",
      hoursLater: 30,
      votes: 0,
      body: `+1, and please make preview runs cheap in credits, otherwise people will skip them.`,
    },
  ],
  "Board subscriptions should respect the viewer's time zone": [
    {
      author: "bram-devries",
      hoursLater: 70,
      votes: 0,
      body: `+1 for the "yesterday" filter following the recipient. Our Rotterdam and Singapore teams read the same board.`,
    },
  ],
  "The API's 600 requests/minute limit is tight for bulk metadata sync": [
    {
      author: "jonas",
      hoursLater: 60,
      votes: 1,
      body: `Thanks Ana for the workaround, and Noah for the request. We've added \`expand\` to the docs today. A bulk metadata endpoint is planned; I'll post here when it's in beta.`,
    },
  ],
  "Please let us comment on a tile": [
    {
      author: "priscila-santos",
      hoursLater: 30,
      votes: 0,
      body: `+1, with notifications to the board owner. Half the point is that the owner finds out something looks odd.`,
    },
    {
      author: "priya",
      hoursLater: 90,
      votes: 0,
      body: `Shared with the product team along with Carlos's annotation idea. Both are being looked at together.`,
    },
  ],
  "Lineage graph gets unreadable past ~200 nodes": [
    {
      author: "wei-zhang",
      hoursLater: 20,
      votes: 0,
      body: `+1. "Downstream of this source, N hops" would help impact analysis before we change a source too.`,
    },
  ],
  "Small one: keyboard shortcut to duplicate a tile": [
    {
      author: "carlos-mendoza",
      hoursLater: 20,
      votes: 0,
      body: `Yes please. And Alt+drag to duplicate, like in slide tools.`,
    },
  ],
  "Sydney Northwind user group: who's in for a first meetup?": [
    {
      author: "rajesh-iyer",
      hoursLater: 60,
      votes: 1,
      body: `I'm in Sydney two weeks a month and happy to give the second talk: how we run Northwind agents on Kubernetes.`,
    },
    {
      author: "jack-thompson",
      hoursLater: 65,
      body: `@rajesh-iyer perfect, you're on. 18:00 start, pizza at 18:30.`,
    },
  ],
  "Call for speakers: Northwind Summit customer track": [
    {
      author: "catie",
      hoursLater: 40,
      votes: 0,
      body: `To anyone hesitating: the coaching is excellent. My coach cut my deck from 31 slides to 12 and the talk was far better for it.`,
    },
  ],
  "Notes from my first conference talk (and how I stopped shaking)": [
    {
      author: "fatima-alsayed",
      hoursLater: 20,
      votes: 1,
      body: `"Tell one story, not everything you know" is the hardest one for me. Thank you for this list.`,
    },
    {
      author: "jonas",
      hoursLater: 50,
      votes: 0,
      body: `Adding this to the speaker kit we send to first-time Summit speakers, if that's OK, Catie.`,
    },
    { author: "catie", hoursLater: 52, body: `@jonas of course!` },
  ],
  "Webinar next week: Governance that doesn't slow anyone down": [
    {
      author: "seun",
      hoursLater: 20,
      votes: 0,
      body: `@ravi-c yes, access reviews are on our list. We'll show our quarterly review board.`,
    },
  ],
  "How do you say no to a reference call without burning the relationship?": [
    {
      author: "seun",
      hoursLater: 20,
      votes: 1,
      body: `I offer a 15-minute slot instead of 45. Most prospects only have three questions anyway.`,
    },
    {
      author: "sophie-laurent",
      hoursLater: 40,
      body: `Limit set to one a month. Thank you all; I feel much less guilty about saying no.`,
    },
  ],
  "Getting legal approval to publish a case study": [
    {
      author: "hannah-lindqvist",
      hoursLater: 60,
      body: `Sent legal the designed layout with ranges instead of absolute numbers. Approved in four days after seven weeks of silence. Thank you!`,
    },
    {
      author: "catie",
      hoursLater: 70,
      votes: 0,
      body: `Ranges are your friend. "Between 300 and 350 thousand dollars" got through our legal team too.`,
    },
  ],
  "What got you to say yes to your first talk?": [
    {
      author: "fatima-alsayed",
      hoursLater: 30,
      votes: 0,
      body: `A manager from Northwind who said "I'll sit in the front row". Knowing one friendly face would be there mattered.`,
    },
  ],
  "Mentoring new admins: anyone doing it formally?": [
    {
      author: "zanele",
      hoursLater: 35,
      body: `"Plan backwards from what they need to show their boss in 90 days" is a great first session. Stealing it, Carlos.`,
    },
  ],
  "Off topic: what are you reading this month?": [
    {
      author: "catie",
      hoursLater: 20,
      votes: 0,
      body: `*Thinking in Systems*. It explains every dashboard argument I've ever had.`,
    },
    {
      author: "tomas-aguilar",
      hoursLater: 30,
      body: `A cookbook, honestly. Grocery retail means I can't stop reading about food.`,
    },
  ],
  "Early look: Preview runs (dry-run for flows)": [
    {
      author: "morgan",
      hoursLater: 40,
      body: `Feedback so far, summarised for the product team: sample size should be configurable, and preview runs should show credits used. Keep it coming.`,
    },
  ],
};

for (const [title, later] of Object.entries(LATER_REPLIES)) {
  const thread = SEED_THREADS.find((t) => t.title === title);
  if (!thread) throw new Error(`Later replies for an unknown thread: ${title}`);
  thread.replies.push(...later);
}
