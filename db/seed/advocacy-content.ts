// Speaking opportunities, talks and customer stories of the demo community.
// All events, companies, people and URLs are fictional; links point at example domains.
// Days are relative to the moment the demo is seeded (negative = in the past).

export type Format = "conference" | "webinar" | "podcast" | "meetup";

export interface SeedOpportunity {
  key: string;
  title: string;
  eventName: string;
  format: Format;
  startsInDays: number;
  /** Wall-clock start time in the event's zone. */
  time: string;
  timeZone: string;
  location: string; // "" when virtual
  expectedAudience: number | null;
  audienceDescription: string;
  topic: string; // markdown
  eventUrl: string;
  /** The deadline falls this many days before the event. */
  deadlineDaysBefore: number;
  postedBy: "morgan" | "priya" | "jonas";
  /** Where it ends up once the seeded applications are decided. */
  finalStatus: "open" | "closed" | "filled";
  applications: SeedApplication[];
}

export interface SeedEvidence {
  recordingUrl?: string;
  slidesUrl?: string;
  attendance?: number;
  note?: string;
}

export interface SeedApplication {
  handle: string;
  talkTitle: string;
  pitch: string;
  decision: "accept" | "decline" | "shortlist" | null;
  message?: string;
  /** For accepted talks after the event. */
  evidence?: SeedEvidence;
  outcome?: "verified" | "rejected";
  rejectReason?: string;
}

export interface SeedSelfReportedTalk {
  handle: string;
  title: string;
  eventName: string;
  format: Format;
  daysAgo: number;
  time: string;
  timeZone: string;
  location: string; // "" when virtual
  abstract: string;
  eventUrl: string;
  evidence?: SeedEvidence;
  outcome: "verified" | "rejected" | "pending" | "scheduled";
  rejectReason?: string;
  verifiedBy?: "morgan" | "priya" | "jonas";
}

export const OPPORTUNITIES: SeedOpportunity[] = [
  {
    key: "midwest-2025",
    title: "Customer session: operations analytics in the real world",
    eventName: "Midwest Supply Chain Summit",
    format: "conference",
    startsInDays: -420,
    time: "10:30",
    timeZone: "America/New_York",
    location: "Greater Columbus Convention Center, Columbus",
    expectedAudience: 380,
    audienceDescription: "Supply-chain, fleet and operations leaders",
    topic:
      "The organisers want a **practitioner**, not a vendor: someone who changed how a logistics team makes decisions with data, and can show the before and after. 25 minutes plus questions.",
    eventUrl: "https://midwest-supply-chain-summit.example.com",
    deadlineDaysBefore: 60,
    postedBy: "morgan",
    finalStatus: "filled",
    applications: [
      {
        handle: "catie",
        talkTitle:
          "40 spreadsheets, one number: getting dispatchers and executives to trust the same dashboard",
        pitch:
          "Our weekly carrier scorecard used to be 40 spreadsheets stitched together by hand. I'd show how we rebuilt it on Northwind Cloud pipelines from the TMS, telematics and billing, what we got wrong in the first month, and why the hardest part was agreeing on what 'on time' means.",
        decision: "accept",
        message:
          "The programme committee loved the '40 spreadsheets' angle. You are on the main stage, Tuesday morning. We will do a dry run together the week before.",
        evidence: {
          recordingUrl: "https://videos.example.com/midwest-summit/catie-brennan-one-number",
          slidesUrl: "https://slides.example.com/catie/one-number",
          attendance: 380,
          note: "Room was full; a dozen people queued for questions afterwards.",
        },
        outcome: "verified",
      },
      {
        handle: "grace-mwangi",
        talkTitle: "Cold chain alerts in two minutes",
        pitch:
          "How we wired temperature sensors in 120 reefer trucks into Northwind Cloud workflows so a driver gets a call within two minutes of a breach, instead of us finding out the next morning.",
        decision: "decline",
        message:
          "A great story, and a better fit for a cold-chain audience — we have put you forward for the podcast instead.",
      },
    ],
  },
  {
    key: "ops-podcast",
    title: "Guest episode: the human side of operations analytics",
    eventName: "The Operations Analytics Podcast",
    format: "podcast",
    startsInDays: -300,
    time: "16:00",
    timeZone: "America/Chicago",
    location: "",
    expectedAudience: 9000,
    audienceDescription: "Listeners in operations and analytics roles",
    topic:
      "A 40-minute conversation. The host is interested in **change management**: how you got people to use what you built.",
    eventUrl: "https://ops-analytics-podcast.example.com",
    deadlineDaysBefore: 30,
    postedBy: "priya",
    finalStatus: "filled",
    applications: [
      {
        handle: "catie",
        talkTitle: "Saying yes to the stage when your hands shake",
        pitch:
          "I said no twice before my first talk. I'd like to talk about stage fright, about what helped, and about how presenting our dashboard work ended up changing how my own team talks about it.",
        decision: "accept",
        message: "The host asked for you by name after the Midwest talk.",
        evidence: {
          recordingUrl: "https://ops-analytics-podcast.example.com/episodes/142",
          attendance: 9400,
          note: "Episode 142; downloads in the first month.",
        },
        outcome: "verified",
      },
      {
        handle: "grace-mwangi",
        talkTitle: "Two minutes, not the next morning",
        pitch:
          "Cold-chain breaches used to surface in the morning report. I'd talk about the workflow that now phones the driver, and how we kept the false alarms down so drivers still pick up.",
        decision: "accept",
        message: "Perfect follow-on to Catie's episode.",
        evidence: {
          recordingUrl: "https://ops-analytics-podcast.example.com/episodes/147",
          attendance: 7100,
        },
        outcome: "verified",
      },
    ],
  },
  {
    key: "summit-2026",
    title: "Customer track speakers",
    eventName: "Northwind Cloud Customer Summit 2026",
    format: "conference",
    startsInDays: -160,
    time: "09:00",
    timeZone: "America/Los_Angeles",
    location: "Moscone West, San Francisco",
    expectedAudience: 1200,
    audienceDescription: "Data and operations teams using Northwind Cloud",
    topic:
      "The customer track has six 30-minute slots. Tell the story of **one problem** you solved end to end — the messier the before, the better.",
    eventUrl: "https://summit.northwind-cloud.example.com/2026",
    deadlineDaysBefore: 75,
    postedBy: "morgan",
    finalStatus: "filled",
    applications: [
      {
        handle: "catie",
        talkTitle: "Late loads before they are late",
        pitch:
          "A year after the first dashboard: how dispatchers now see late loads while there is still time to fix them, and how on-time delivery went from 88% to 94%.",
        decision: "accept",
        message: "Welcome back — you are closing the customer track.",
        evidence: {
          recordingUrl: "https://summit.northwind-cloud.example.com/2026/sessions/late-loads",
          slidesUrl: "https://slides.example.com/catie/late-loads",
          attendance: 640,
        },
        outcome: "verified",
      },
      {
        handle: "tomas-aguilar",
        talkTitle: "600 nightly jobs, zero missed deliveries",
        pitch:
          "We moved 600 nightly ETL jobs off a legacy scheduler while 140 stores kept getting their deliveries. I'd walk through the migration plan, the shadow-run week and the one job that nearly broke it.",
        decision: "accept",
        message: "Exactly the kind of migration story people ask us for.",
        evidence: {
          recordingUrl: "https://summit.northwind-cloud.example.com/2026/sessions/600-jobs",
          attendance: 510,
        },
        outcome: "verified",
      },
      {
        handle: "lukas-becker",
        talkTitle: "Data ownership for 2,400 turbines",
        pitch:
          "Every turbine team owns its own data contracts on our platform. How we made ownership concrete with Northwind Cloud governance — and what happens when a contract breaks at 2am.",
        decision: "accept",
        message: "Great governance angle for the platform block.",
        evidence: {
          slidesUrl: "https://slides.example.com/lukas/turbine-ownership",
          attendance: 300,
        },
        outcome: "verified",
      },
      {
        handle: "arjun-kapoor",
        talkTitle: "Retiring the Monday forecast spreadsheet",
        pitch:
          "Our revenue forecast lived in one spreadsheet that three people were afraid to touch. Here's how we replaced it with a pipeline and a dashboard the board now reads directly.",
        decision: "decline",
        message:
          "We had three forecasting talks this year and picked one from a smaller company. Please pitch the user group in the spring — it would land well there.",
      },
    ],
  },
  {
    key: "dataops-webinar",
    title: "Webinar panel: pipelines that don't page you at 3am",
    eventName: "DataOps Live",
    format: "webinar",
    startsInDays: -130,
    time: "11:00",
    timeZone: "Europe/London",
    location: "",
    expectedAudience: 650,
    audienceDescription: "Data engineers and platform teams",
    topic: "A 45-minute panel on alerting, retries and on-call for data pipelines.",
    eventUrl: "https://dataops-live.example.com/webinars/3am",
    deadlineDaysBefore: 21,
    postedBy: "jonas",
    finalStatus: "filled",
    applications: [
      {
        handle: "seun",
        talkTitle: "Regulatory reporting for 1.2 million microloans",
        pitch:
          "Our regulatory reports took three weeks. Now they take four days, and the pipeline tells us before the regulator does when something is off.",
        decision: "accept",
        message: "You are on the panel with two platform engineers — bring the regulator's view.",
        evidence: {
          recordingUrl: "https://dataops-live.example.com/webinars/3am/recording",
          attendance: 712,
        },
        outcome: "verified",
      },
      {
        handle: "kwame",
        talkTitle: "Meter data on a tight budget",
        pitch:
          "800,000 customers' meter reads, one small team. What we automate, what we alert on, and what we deliberately don't.",
        decision: "accept",
        message: "Welcome aboard.",
        evidence: {
          recordingUrl: "https://dataops-live.example.com/webinars/3am/recording",
          attendance: 712,
        },
        outcome: "verified",
      },
      {
        handle: "rajesh-iyer",
        talkTitle: "40 million events a day on Kubernetes",
        pitch:
          "Running Northwind workers on Kubernetes: autoscaling, backpressure and the alerts we kept.",
        decision: "decline",
        message:
          "The panel ended up full; your topic deserves its own session — watch for the platform webinar series.",
      },
    ],
  },
  {
    key: "columbus-meetup",
    title: "Lightning talks: what I automated this quarter",
    eventName: "Columbus Data & Analytics Meetup",
    format: "meetup",
    startsInDays: -95,
    time: "18:30",
    timeZone: "America/New_York",
    location: "Idea Foundry, Columbus",
    expectedAudience: 70,
    audienceDescription: "Local analysts and data engineers",
    topic: "Five-minute lightning talks. Show one thing you automated and what it saved.",
    eventUrl: "https://meetups.example.com/columbus-data",
    deadlineDaysBefore: 10,
    postedBy: "priya",
    finalStatus: "filled",
    applications: [
      {
        handle: "marisol",
        talkTitle: "Flagging at-risk students by week four",
        pitch:
          "Our early-warning dashboard combines attendance, LMS logins and first assignments. Five minutes on the three signals that matter most.",
        decision: "accept",
        message: "See you in Columbus!",
        evidence: {
          slidesUrl: "https://slides.example.com/marisol/week-four",
          attendance: 64,
        },
        outcome: "verified",
      },
    ],
  },
  {
    key: "healthcare-forum",
    title: "Case study session: governing clinical data",
    eventName: "Healthcare Data Forum",
    format: "conference",
    startsInDays: -45,
    time: "14:00",
    timeZone: "Europe/Paris",
    location: "Palais des Congrès, Lyon",
    expectedAudience: 450,
    audienceDescription: "Hospital IT, data governance and clinical informatics",
    topic:
      "Real-world governance: access control, consent, data ownership in **regulated** environments.",
    eventUrl: "https://healthcare-data-forum.example.com",
    deadlineDaysBefore: 45,
    postedBy: "morgan",
    finalStatus: "filled",
    applications: [
      {
        handle: "meera-pillai",
        talkTitle: "Data ownership across 120 labs, for real",
        pitch:
          "Everyone says data has owners. We made it true for 120 diagnostic labs: named owners, contracts, and a monthly review nobody skips.",
        decision: "accept",
        message: "The committee wants you in the opening session.",
        evidence: {
          recordingUrl: "https://healthcare-data-forum.example.com/2026/ownership",
          attendance: 420,
        },
        outcome: "verified",
      },
      {
        handle: "sophie-laurent",
        talkTitle: "SSO for seven clinics in one summer",
        pitch:
          "We rolled out SSO and access reviews across seven private clinics over one summer, without a single day of downtime on the clinical floor.",
        decision: "accept",
        message: "A perfect pair with Meera's session.",
        evidence: {
          slidesUrl: "https://slides.example.com/sophie/sso-summer",
          attendance: 260,
          note: "The recording will be published by the organisers next month.",
        },
      },
    ],
  },
  {
    key: "public-sector-week",
    title: "Speaker: digital services that citizens notice",
    eventName: "Public Sector Digital Week",
    format: "conference",
    startsInDays: -25,
    time: "10:00",
    timeZone: "Asia/Amman",
    location: "King Hussein Business Park, Amman",
    expectedAudience: 900,
    audienceDescription: "Government digital teams and policy makers",
    topic: "Show a service that changed for residents, and the workflow behind it.",
    eventUrl: "https://public-sector-digital-week.example.com",
    deadlineDaysBefore: 40,
    postedBy: "jonas",
    finalStatus: "filled",
    applications: [
      {
        handle: "fatima-alsayed",
        talkTitle: "Permits in 12 days, not 45",
        pitch:
          "How we digitised city permit workflows end to end, and what we learned about automating approvals without removing the people who make judgement calls.",
        decision: "accept",
        message: "The minister's office asked for this one specifically.",
        evidence: {
          recordingUrl: "https://public-sector-digital-week.example.com/sessions/permits",
          slidesUrl: "https://slides.example.com/fatima/permits",
          attendance: 880,
        },
        outcome: "verified",
      },
      {
        handle: "rosa-jimenez",
        talkTitle: "A road-repair dashboard residents actually visit",
        pitch:
          "Our public dashboard of road repairs gets more visits than the county homepage. Here's why.",
        decision: "decline",
        message:
          "Every slot was taken in the end. Thank you for being on the reserve list — the civic tech track next spring would love this story.",
      },
    ],
  },
  {
    key: "user-group-spring",
    title: "User group talks: show us your workflows",
    eventName: "Northwind Cloud User Group — Columbus",
    format: "meetup",
    startsInDays: -10,
    time: "18:00",
    timeZone: "America/New_York",
    location: "Bluewater Freight Co. offices, Columbus",
    expectedAudience: 55,
    audienceDescription: "Northwind Cloud users in Ohio",
    topic: "20-minute talks with live demos. Pizza provided.",
    eventUrl: "https://usergroups.northwind-cloud.example.com/columbus",
    deadlineDaysBefore: 14,
    postedBy: "priya",
    finalStatus: "filled",
    applications: [
      {
        handle: "arjun-kapoor",
        talkTitle: "Retiring the Monday forecast spreadsheet",
        pitch:
          "Our forecast spreadsheet is gone. 20 minutes on the pipeline and dashboard that replaced it.",
        decision: "accept",
        message: "As promised after the summit — glad to have you.",
      },
    ],
  },
  // Upcoming
  {
    key: "governance-webinar",
    title: "Webinar: governance without the bottleneck",
    eventName: "Northwind Cloud Live",
    format: "webinar",
    startsInDays: 18,
    time: "15:00",
    timeZone: "UTC",
    location: "",
    expectedAudience: 800,
    audienceDescription: "Data leaders and governance teams",
    topic:
      "How do you keep data **governed** without making every team wait for a central approval? We want two customers who have found a balance.",
    eventUrl: "https://live.northwind-cloud.example.com/governance",
    deadlineDaysBefore: 8,
    postedBy: "jonas",
    finalStatus: "open",
    applications: [
      {
        handle: "priscila-santos",
        talkTitle: "Markdowns on yesterday's sales",
        pitch:
          "For 90 stores, markdown decisions now run on yesterday's sales, with owners for every table they touch. I'd show the governance that made the speed safe.",
        decision: "accept",
        message: "You are in! We will send the run-of-show next week.",
      },
      {
        handle: "ravi-c",
        talkTitle: "Writing a data policy from zero",
        pitch:
          "Our revenue office had no data policy. I wrote the first one, and then we made it enforceable in Northwind Cloud.",
        decision: null,
      },
    ],
  },
  {
    key: "podcast-upcoming",
    title: "Guest spot: dashboards people trust",
    eventName: "Shipping Data Podcast",
    format: "podcast",
    startsInDays: 40,
    time: "17:00",
    timeZone: "Europe/Stockholm",
    location: "",
    expectedAudience: 5000,
    audienceDescription: "Product and data people",
    topic: "A relaxed 30-minute conversation about a dashboard that changed behaviour.",
    eventUrl: "https://shipping-data-podcast.example.com",
    deadlineDaysBefore: 20,
    postedBy: "priya",
    finalStatus: "open",
    applications: [
      {
        handle: "ingrid-solberg",
        talkTitle: "Short push alerts, twice the opens",
        pitch:
          "We ran 40 experiments on push alerts. Short ones doubled app opens. I'd talk about running experiments on Northwind and the one result nobody believed.",
        decision: "accept",
        message: "The host loved the experiment angle.",
      },
      {
        handle: "rajesh-iyer",
        talkTitle: "Backpressure, explained with coffee",
        pitch:
          "A light episode on how our event pipeline copes with spikes, using a coffee shop as the metaphor.",
        decision: "decline",
        message:
          "Fun idea, but the host wants a dashboard story this time. Please try the platform webinar.",
      },
    ],
  },
  {
    key: "summit-2027",
    title: "Customer keynote and customer track",
    eventName: "Northwind Cloud Customer Summit 2027",
    format: "conference",
    startsInDays: 75,
    time: "09:00",
    timeZone: "America/Los_Angeles",
    location: "Moscone West, San Francisco",
    expectedAudience: 1500,
    audienceDescription: "Data and operations teams using Northwind Cloud",
    topic:
      "One **customer keynote** (20 minutes) and six track sessions. Tell a story with a before and an after — numbers welcome.",
    eventUrl: "https://summit.northwind-cloud.example.com/2027",
    deadlineDaysBefore: 45,
    postedBy: "morgan",
    finalStatus: "open",
    applications: [
      {
        handle: "catie",
        talkTitle: "From stage fright to keynote: what a dashboard taught me about speaking",
        pitch:
          "Three years ago I kept the clicker in my pocket so nobody would see my hands shake. I'd like to tell the story of the dashboard and of the speaking, and invite others to say yes to their first talk.",
        decision: "accept",
        message: "We would love you to give the customer keynote. Congratulations!",
      },
      {
        handle: "leilani",
        talkTitle: "Two people, 40 automated workflows",
        pitch:
          "We're a two-person e-commerce team. 40 workflows in Northwind Cloud do the rest — returns, restocks, customer emails. A talk for the smallest teams in the room.",
        decision: null,
      },
      {
        handle: "carlos-mendoza",
        talkTitle: "Three shifts, one OEE number",
        pitch:
          "How three shifts at a packaging plant started arguing about the work instead of the numbers.",
        decision: "shortlist",
        message: "Shortlisted — we decide the track in two weeks.",
      },
    ],
  },
  {
    key: "london-user-group",
    title: "User group: lightning talks",
    eventName: "Northwind Cloud User Group — London",
    format: "meetup",
    startsInDays: 32,
    time: "18:30",
    timeZone: "Europe/London",
    location: "The Brewery, Chiswell Street, London",
    expectedAudience: 90,
    audienceDescription: "Northwind Cloud users in the UK",
    topic: "Ten-minute lightning talks: one trick, one lesson.",
    eventUrl: "https://usergroups.northwind-cloud.example.com/london",
    deadlineDaysBefore: 12,
    postedBy: "jonas",
    finalStatus: "open",
    applications: [
      {
        handle: "sophie-laurent",
        talkTitle: "An SSO rollout checklist in ten minutes",
        pitch:
          "The ten things we checked before switching seven clinics to single sign-on, and the one we forgot.",
        decision: null,
      },
    ],
  },
  {
    key: "finops-conf",
    title: "Talk: cutting data platform spend without slowing teams",
    eventName: "FinOps for Data Teams",
    format: "conference",
    startsInDays: 110,
    time: "13:30",
    timeZone: "Europe/Amsterdam",
    location: "Beurs van Berlage, Amsterdam",
    expectedAudience: 600,
    audienceDescription: "FinOps practitioners and data platform leads",
    topic: "Practical cost work: showback, budgets, and what engineers will actually accept.",
    eventUrl: "https://finops-data.example.com",
    deadlineDaysBefore: 50,
    postedBy: "morgan",
    finalStatus: "open",
    applications: [
      {
        handle: "david-levi",
        talkTitle: "31% less spend, zero slower teams",
        pitch:
          "We cut data platform spend by 31% with showback dashboards and budgets teams set themselves. I'd show the dashboards and the two policies that did most of the work.",
        decision: "shortlist",
        message: "Strong pitch — shortlisted.",
      },
      {
        handle: "noah-williams",
        talkTitle: "Embedded analytics without the surprise bill",
        pitch:
          "We embed dashboards for 1,200 customers. Here's how we keep query costs predictable.",
        decision: null,
      },
    ],
  },
  {
    key: "logistics-europe",
    title: "Customer panel: real-time logistics",
    eventName: "Logistics Tech Europe",
    format: "conference",
    startsInDays: 55,
    time: "11:00",
    timeZone: "Europe/Amsterdam",
    location: "RAI Amsterdam",
    expectedAudience: 700,
    audienceDescription: "Logistics and shipping technology leaders",
    topic: "A panel of three customers on real-time visibility.",
    eventUrl: "https://logistics-tech-europe.example.com",
    deadlineDaysBefore: 30,
    postedBy: "priya",
    finalStatus: "filled",
    applications: [
      {
        handle: "grace-mwangi",
        talkTitle: "Cold chain visibility in real time",
        pitch:
          "Two-minute temperature alerts across 120 trucks, and what real time means in a cold chain.",
        decision: "accept",
        message: "You complete the panel — thank you!",
      },
    ],
  },
  {
    key: "energy-meetup",
    title: "Meetup talk: telemetry at scale",
    eventName: "Energy Data Meetup Berlin",
    format: "meetup",
    startsInDays: 12,
    time: "19:00",
    timeZone: "Europe/Berlin",
    location: "Factory Görlitzer Park, Berlin",
    expectedAudience: 80,
    audienceDescription: "Energy-sector data engineers",
    topic: "One 25-minute talk about telemetry pipelines.",
    eventUrl: "https://meetups.example.com/energy-data-berlin",
    deadlineDaysBefore: 20,
    postedBy: "jonas",
    finalStatus: "closed",
    applications: [],
  },
];

/** Talks advocates gave (or will give) elsewhere and logged themselves. */
export const SELF_REPORTED_TALKS: SeedSelfReportedTalk[] = [
  {
    handle: "catie",
    title: "Dashboards your dispatchers will open",
    eventName: "Freight Ops Webinar Series",
    format: "webinar",
    daysAgo: 70,
    time: "13:00",
    timeZone: "America/New_York",
    location: "",
    abstract:
      "Why a dashboard that executives like can still be ignored by dispatchers, and the three design changes that got ours opened every morning.",
    eventUrl: "https://freight-ops-webinars.example.com",
    evidence: {
      recordingUrl: "https://freight-ops-webinars.example.com/recordings/dispatchers",
      attendance: 310,
    },
    outcome: "verified",
    verifiedBy: "priya",
  },
  {
    handle: "catie",
    title: "One number everyone trusts",
    eventName: "Columbus Women in Data",
    format: "meetup",
    daysAgo: 250,
    time: "18:00",
    timeZone: "America/New_York",
    location: "Columbus Metropolitan Library, Columbus",
    abstract: "A short talk on agreeing definitions before building dashboards.",
    eventUrl: "https://meetups.example.com/columbus-women-in-data",
    evidence: { slidesUrl: "https://slides.example.com/catie/one-number-meetup", attendance: 45 },
    outcome: "verified",
    verifiedBy: "morgan",
  },
  {
    handle: "zanele",
    title: "SSO for 42,000 students before term starts",
    eventName: "Higher Education IT Conference Southern Africa",
    format: "conference",
    daysAgo: 140,
    time: "11:30",
    timeZone: "Africa/Johannesburg",
    location: "Sandton Convention Centre, Johannesburg",
    abstract:
      "How a university IT team rolled out single sign-on for every student and cut start-of-term tickets by 70%.",
    eventUrl: "https://heitc.example.com",
    evidence: {
      recordingUrl: "https://heitc.example.com/sessions/sso-42000",
      attendance: 230,
    },
    outcome: "verified",
    verifiedBy: "jonas",
  },
  {
    handle: "rosa-jimenez",
    title: "Open data people actually use",
    eventName: "Bay Area Civic Tech Night",
    format: "meetup",
    daysAgo: 60,
    time: "18:30",
    timeZone: "America/Los_Angeles",
    location: "Oakland Public Library, Oakland",
    abstract: "A public road-repair dashboard that residents visit more than the county homepage.",
    eventUrl: "https://civictech.example.com/bay-area",
    evidence: { slidesUrl: "https://slides.example.com/rosa/open-data", attendance: 40 },
    outcome: "verified",
    verifiedBy: "priya",
  },
  {
    handle: "david-levi",
    title: "Showback that engineers don't hate",
    eventName: "FinOps Weekly Podcast",
    format: "podcast",
    daysAgo: 85,
    time: "10:00",
    timeZone: "Asia/Dubai",
    location: "",
    abstract: "Budgets teams set themselves, and dashboards that show cost next to value.",
    eventUrl: "https://finops-weekly.example.com",
    evidence: { recordingUrl: "https://finops-weekly.example.com/episodes/88", attendance: 4200 },
    outcome: "verified",
    verifiedBy: "morgan",
  },
  {
    handle: "jack-thompson",
    title: "Ratings in 15 minutes",
    eventName: "Broadcast Data Summit",
    format: "conference",
    daysAgo: 50,
    time: "15:00",
    timeZone: "Australia/Sydney",
    location: "ICC Sydney",
    abstract: "Moving TV ratings ingestion from a six-hour batch to 15-minute refreshes.",
    eventUrl: "https://broadcast-data-summit.example.com",
    evidence: {
      recordingUrl: "https://intranet.example.com/private/ratings-talk",
      attendance: 150,
      note: "Recording is on our intranet.",
    },
    outcome: "rejected",
    rejectReason:
      "The recording link is on a private intranet we cannot open. Please add the public slides or the organiser's session page and we will verify it.",
    verifiedBy: "jonas",
  },
  {
    handle: "ravi-c",
    title: "A first data policy for a revenue office",
    eventName: "Public Finance Data Forum",
    format: "conference",
    daysAgo: 6,
    time: "09:30",
    timeZone: "Asia/Kolkata",
    location: "India Habitat Centre, New Delhi",
    abstract: "Writing a data policy from zero and making it enforceable.",
    eventUrl: "https://public-finance-data.example.com",
    evidence: {
      slidesUrl: "https://slides.example.com/ravi/data-policy",
      attendance: 180,
      note: "The organisers post recordings in two weeks.",
    },
    outcome: "pending",
  },
  {
    handle: "noah-williams",
    title: "Embedding dashboards for 1,200 customers",
    eventName: "SaaS Product Analytics Webinar",
    format: "webinar",
    daysAgo: 4,
    time: "17:00",
    timeZone: "America/New_York",
    location: "",
    abstract: "What we learned embedding Northwind Cloud dashboards in our own product.",
    eventUrl: "https://saas-analytics.example.com/webinars/embedding",
    evidence: {
      recordingUrl: "https://saas-analytics.example.com/webinars/embedding/recording",
      attendance: 260,
    },
    outcome: "pending",
  },
  {
    handle: "marisol",
    title: "Early warnings, explained to faculty",
    eventName: "Latin American Institutional Research Meetup",
    format: "meetup",
    daysAgo: -26,
    time: "17:00",
    timeZone: "America/Bogota",
    location: "Universidad de los Andes, Bogotá",
    abstract: "How we explain the at-risk flags to faculty so they act on them.",
    eventUrl: "https://ir-latam.example.com",
    outcome: "scheduled",
  },
];

export interface SeedStory {
  handle: string;
  title: string;
  productArea:
    | "Data pipelines"
    | "Dashboards and reporting"
    | "Workflow automation"
    | "Connectors and integrations"
    | "APIs"
    | "Governance and security"
    | "SSO and identity";
  challenge: string;
  solution: string;
  results: string;
  pullQuote: string;
  metrics: { label: string; before: number; after: number; unit: string }[];
  /** A recorded interview, on the company's own video page, with its transcript. */
  video?: { url: string; transcript: string };
  /** What happens to it, in order, days before now. */
  createdDaysAgo: number;
  flow:
    | {
        kind: "published";
        submittedDaysAgo: number;
        publishedDaysAgo: number;
        reviewer: "morgan" | "priya" | "jonas";
        changes?: { daysAgo: number; comment: string };
      }
    | { kind: "submitted"; submittedDaysAgo: number }
    | {
        kind: "changes_requested";
        submittedDaysAgo: number;
        changes: { daysAgo: number; comment: string; reviewer: "morgan" | "priya" | "jonas" };
      }
    | { kind: "draft" }
    | {
        kind: "declined";
        submittedDaysAgo: number;
        declinedDaysAgo: number;
        reason: string;
        reviewer: "morgan" | "priya" | "jonas";
      }
    | {
        kind: "unpublished";
        submittedDaysAgo: number;
        publishedDaysAgo: number;
        unpublishedDaysAgo: number;
        reason: string;
        reviewer: "morgan" | "priya" | "jonas";
      };
  /** A later version, published after the first (the story is versioned). */
  revision?: {
    daysAgo: number;
    pullQuote?: string;
    results?: string;
    metrics?: SeedStory["metrics"];
    reviewer: "morgan" | "priya" | "jonas";
  };
}

export const STORIES: SeedStory[] = [
  {
    handle: "catie",
    title: "From 40 spreadsheets to one live dashboard",
    productArea: "Dashboards and reporting",
    challenge:
      "Bluewater Freight runs about 1,100 trucks across the Midwest. Our weekly carrier scorecard was **40 spreadsheets** — one per carrier and region — stitched together by hand every Monday and Tuesday. Two analysts spent most of their week on it, and by the time leadership saw the numbers they were already a week old.\n\nWorse, dispatch and the executive team used different definitions of *on time*, so every meeting started with an argument about whose number was right.",
    solution:
      "We built Northwind Cloud pipelines from our TMS, the telematics feed and billing into one model, with a single agreed definition of on-time delivery that dispatch and finance signed off together.\n\n- Pipelines refresh every 15 minutes instead of once a week\n- One dashboard for everyone, with a dispatcher view that shows loads at risk *before* they are late\n- Data-quality checks that flag a carrier feed that goes quiet\n\nWe rolled it out terminal by terminal, and kept the old scorecard running in parallel for a month so nobody had to take the new numbers on faith.",
    results:
      "Weekly reporting went from about 14 hours to under one. Because dispatchers can see late loads while there is still time to act, on-time delivery rose from 88% to 94% in two quarters, and detention charges fell by roughly $310k in the first year.\n\nThe change I didn't expect: the Monday meeting is now about *what to do*, not about whose spreadsheet is right.",
    pullQuote: "The Monday meeting is now about what to do, not about whose spreadsheet is right.",
    metrics: [
      { label: "Weekly reporting time", before: 14, after: 1, unit: "hours" },
      { label: "On-time delivery", before: 88, after: 94, unit: "%" },
      { label: "Detention charges", before: 520, after: 210, unit: "$k" },
    ],
    video: {
      url: "https://www.bluewaterfreight.example/customers/northwind-dashboard-interview",
      transcript:
        "Catie: Every Monday, two of our analysts opened forty spreadsheets, one per carrier and region, and started copying.\n\nBy Tuesday afternoon leadership had a scorecard that was already a week old, and dispatch and finance still argued about what on time meant.\n\nWe sat both teams in one room and agreed one definition before we built anything. Then the pipelines were the easy part.\n\nNow dispatchers see a load at risk while there is still time to do something about it. On-time delivery went from 88 to 95 percent, and the Monday meeting is about what to do next.",
    },
    createdDaysAgo: 230,
    flow: {
      kind: "published",
      submittedDaysAgo: 225,
      publishedDaysAgo: 214,
      reviewer: "morgan",
      changes: {
        daysAgo: 220,
        comment:
          "Lovely story. Could you say how you got dispatch and finance to agree on one definition of on-time? Prospects always ask about that part.",
      },
    },
    revision: {
      daysAgo: 35,
      pullQuote:
        "Dispatchers and executives finally trust the same number — and the Monday meeting is about what to do.",
      results:
        "Weekly reporting went from about 14 hours to under one. Because dispatchers can see late loads while there is still time to act, on-time delivery rose from 88% to 95% over a year, and detention charges fell by roughly $310k in the first year.\n\nA year on, three more terminals run their daily stand-up from the same dashboard, and the Monday meeting is about *what to do*, not about whose spreadsheet is right.",
      metrics: [
        { label: "Weekly reporting time", before: 14, after: 1, unit: "hours" },
        { label: "On-time delivery", before: 88, after: 95, unit: "%" },
        { label: "Detention charges", before: 520, after: 210, unit: "$k" },
      ],
      reviewer: "priya",
    },
  },
  {
    handle: "tomas-aguilar",
    title: "600 nightly jobs moved without a missed delivery",
    productArea: "Data pipelines",
    challenge:
      "Casa Verde Market's store replenishment depended on **600 nightly ETL jobs** on a scheduler nobody fully understood any more. A failure at 3am meant empty shelves at 9am in some of our 140 stores, and we averaged 23 failed jobs a week.",
    solution:
      "We rebuilt the jobs as Northwind Cloud pipelines with explicit dependencies, retries and alerts, and ran old and new side by side for a full week — the *shadow week* — comparing every output row before switching each store group over.",
    results:
      "Failed jobs dropped from 23 a week to two, the nightly batch window shrank from 7.5 hours to 3, and not a single store missed a delivery during the migration. The data team got its mornings back: firefighting went from about 30 hours a week to six.",
    pullQuote:
      "The shadow week made the switch boring — which is exactly what you want on a migration.",
    metrics: [
      { label: "Failed nightly jobs", before: 23, after: 2, unit: "per week" },
      { label: "Nightly batch window", before: 7.5, after: 3, unit: "hours" },
      { label: "Firefighting", before: 30, after: 6, unit: "hours/week" },
    ],
    createdDaysAgo: 190,
    flow: { kind: "published", submittedDaysAgo: 185, publishedDaysAgo: 178, reviewer: "priya" },
  },
  {
    handle: "hannah-lindqvist",
    title: "Emergency wait times reported daily, not six weeks late",
    productArea: "Dashboards and reporting",
    challenge:
      "At Nordvik Regional Health, emergency department wait-time reports reached clinical leads **six weeks** after the fact — too late to change staffing for anything but the next season.",
    solution:
      "We connected the patient administration system to Northwind Cloud with a pipeline that pseudonymises records on arrival, and built a daily dashboard per department with the three measures the clinical leads asked for — nothing more.",
    results:
      "Reporting lag went from six weeks to one day. Within three months the night-shift rota changed twice based on what the dashboard showed, and the share of patients seen within four hours rose from 71% to 79%.",
    pullQuote: "Clinical leads now change the rota based on last night, not last season.",
    metrics: [
      { label: "Reporting lag", before: 42, after: 1, unit: "days" },
      { label: "Seen within 4 hours", before: 71, after: 79, unit: "%" },
    ],
    createdDaysAgo: 160,
    flow: { kind: "published", submittedDaysAgo: 150, publishedDaysAgo: 141, reviewer: "jonas" },
  },
  {
    handle: "marisol",
    title: "Flagging at-risk students by week four",
    productArea: "Workflow automation",
    challenge:
      "At Instituto Andino de Tecnología we found out which students were struggling when they failed midterms in week nine — far too late for most of them.",
    solution:
      "A Northwind Cloud workflow combines attendance, LMS logins and first-assignment grades every night and flags students with two or more warning signs. Advisors get a list every Monday with a suggested first conversation.",
    results:
      "Students are now flagged by week four instead of week nine. First-year retention rose from 78% to 85% over two intakes, and advisors reach flagged students within three days on average.",
    pullQuote: "We used to meet struggling students after midterms. Now we meet them in week four.",
    metrics: [
      { label: "Weeks until a struggling student is flagged", before: 9, after: 4, unit: "weeks" },
      { label: "First-year retention", before: 78, after: 85, unit: "%" },
    ],
    createdDaysAgo: 150,
    flow: { kind: "published", submittedDaysAgo: 140, publishedDaysAgo: 130, reviewer: "morgan" },
  },
  {
    handle: "fatima-alsayed",
    title: "City permits approved in 12 days instead of 45",
    productArea: "Workflow automation",
    challenge:
      "Building permits in Amman passed through seven desks on paper. The average approval took **45 days**, and applicants had no way of knowing where their file was.",
    solution:
      "We modelled the permit process as Northwind Cloud workflows: automatic completeness checks, parallel reviews where the law allows them, and a status page applicants can follow. Inspectors kept every judgement call — the workflow only removed the waiting.",
    results:
      "Average approval time fell from 45 days to 12. Calls to the permit office asking *where is my file* dropped by 60%, and the share of applications returned for missing documents halved.",
    pullQuote: "We didn't automate the judgement. We automated the waiting.",
    metrics: [
      { label: "Average approval time", before: 45, after: 12, unit: "days" },
      { label: "Status enquiry calls", before: 1200, after: 480, unit: "per month" },
    ],
    createdDaysAgo: 120,
    flow: { kind: "published", submittedDaysAgo: 112, publishedDaysAgo: 104, reviewer: "jonas" },
  },
  {
    handle: "grace-mwangi",
    title: "Cold-chain alerts in two minutes, not the next morning",
    productArea: "Workflow automation",
    challenge:
      "Savanna Cold Chain moves vaccines and fresh produce in 120 reefer trucks. Temperature breaches showed up in the **next morning's report** — after the cargo was already lost.",
    solution:
      "Sensor readings stream into Northwind Cloud; a workflow checks each truck against its cargo's range and phones the driver and the duty manager within two minutes of a breach. We tuned the thresholds for three weeks so drivers would trust the calls.",
    results:
      "Time to act on a breach went from about 10 hours to two minutes. Spoiled loads fell from 31 to 6 a quarter, and the insurer lowered our premium at renewal.",
    pullQuote: "A phone call in two minutes beats a perfect report the next morning.",
    metrics: [
      { label: "Time to act on a breach", before: 600, after: 2, unit: "minutes" },
      { label: "Spoiled loads", before: 31, after: 6, unit: "per quarter" },
    ],
    createdDaysAgo: 110,
    flow: { kind: "published", submittedDaysAgo: 100, publishedDaysAgo: 92, reviewer: "priya" },
  },
  {
    handle: "priscila-santos",
    title: "Markdowns on yesterday's sales across 90 stores",
    productArea: "Data pipelines",
    challenge:
      "Loja Aurora decided markdowns on **last week's** sales data, exported from the point-of-sale system every Friday. Slow sellers stayed full price for days too long.",
    solution:
      "We replaced the Friday export with nightly Northwind Cloud pipelines from all 90 stores, and a markdown dashboard that merchandisers open every morning, with owners named for every table it reads.",
    results:
      "Markdown decisions now run on yesterday's sales. End-of-season stock fell by 18%, and margin on marked-down items improved by 3.5 points because we cut prices earlier and less.",
    pullQuote: "Cutting prices earlier meant cutting them less.",
    metrics: [
      { label: "Data age at decision", before: 7, after: 1, unit: "days" },
      { label: "End-of-season stock", before: 100, after: 82, unit: "index" },
      { label: "Markdown margin", before: 21, after: 24.5, unit: "%" },
    ],
    createdDaysAgo: 95,
    flow: { kind: "published", submittedDaysAgo: 88, publishedDaysAgo: 80, reviewer: "morgan" },
  },
  {
    handle: "sophie-laurent",
    title: "SSO and access reviews for seven clinics in one summer",
    productArea: "SSO and identity",
    challenge:
      "Clinique Saint-Roch's seven clinics had separate logins for every system. Staff shared passwords at busy desks, and the quarterly access review took the IT team **three weeks**.",
    solution:
      "We moved every clinic to single sign-on through Northwind Cloud identity, with roles mapped from HR records and access reviews generated automatically for each manager.",
    results:
      "Password-reset tickets fell by 74%. The access review now takes four days, and for the first time we can show an auditor who can see which patient data, and why.",
    pullQuote: "For the first time we can show an auditor who sees what, and why.",
    metrics: [
      { label: "Password reset tickets", before: 340, after: 88, unit: "per month" },
      { label: "Quarterly access review", before: 21, after: 4, unit: "days" },
    ],
    createdDaysAgo: 80,
    flow: { kind: "published", submittedDaysAgo: 72, publishedDaysAgo: 66, reviewer: "jonas" },
  },
  {
    handle: "zanele",
    title: "Single sign-on for 42,000 students before term started",
    productArea: "SSO and identity",
    challenge:
      "Every January, Highveld University of Technology's help desk drowned in start-of-term tickets: forgotten passwords across nine systems for 42,000 students.",
    solution:
      "We rolled out single sign-on over one holiday break, with self-service recovery and Northwind Cloud workflows that provision accounts the moment registration clears.",
    results:
      "Start-of-term tickets fell by 70%, and new students have working access to every system on day one instead of day five.",
    pullQuote: "New students have everything working on day one instead of day five.",
    metrics: [
      { label: "Start-of-term tickets", before: 9800, after: 2900, unit: "tickets" },
      { label: "Days to full access", before: 5, after: 1, unit: "days" },
    ],
    createdDaysAgo: 70,
    flow: { kind: "published", submittedDaysAgo: 64, publishedDaysAgo: 57, reviewer: "priya" },
  },
  {
    handle: "david-levi",
    title: "31% less platform spend without slowing a single team",
    productArea: "Governance and security",
    challenge:
      "Carmel Payments' data platform bill grew 60% in a year, and nobody could say which team or product it was for.",
    solution:
      "We tagged every Northwind Cloud workload to a team, built showback dashboards that put cost next to usage, and let each team set its own budget with alerts at 80%.",
    results:
      "Platform spend fell 31% in two quarters while query volume grew. No team missed a delivery date; two of them found idle pipelines they had forgotten about.",
    pullQuote: "Once teams saw their own costs, they cut them faster than we ever could.",
    metrics: [
      { label: "Monthly platform spend", before: 142, after: 98, unit: "$k" },
      { label: "Workloads with an owner", before: 38, after: 100, unit: "%" },
    ],
    createdDaysAgo: 60,
    flow: { kind: "published", submittedDaysAgo: 52, publishedDaysAgo: 44, reviewer: "morgan" },
  },
  {
    handle: "isabella-novak",
    title: "Live transit data that 40 community apps build on",
    productArea: "APIs",
    challenge:
      "Moravian Regional Transit published timetables as PDFs. Developers who wanted live bus and tram positions scraped our website, and broke every time it changed.",
    solution:
      "We published live vehicle positions and timetables through the Northwind Cloud API with open licences, rate limits and a status page.",
    results:
      "More than 40 community apps now use the feed. Complaints about wrong departure times fell by half, and the website stopped falling over at rush hour.",
    pullQuote: "Forty apps now do what our website never could.",
    metrics: [
      { label: "Apps using live data", before: 0, after: 42, unit: "apps" },
      { label: "Departure-time complaints", before: 260, after: 120, unit: "per month" },
    ],
    createdDaysAgo: 50,
    flow: { kind: "published", submittedDaysAgo: 45, publishedDaysAgo: 30, reviewer: "jonas" },
  },
  {
    handle: "elena-petrova",
    title: "Every solar co-op member sees their own generation daily",
    productArea: "Dashboards and reporting",
    challenge:
      "Baltic Solar Cooperative's 9,000 members got one PDF a year about the panels they co-own. Member meetings were mostly questions we couldn't answer.",
    solution:
      "Inverter data flows into Northwind Cloud every 15 minutes, and each member has a personal dashboard of their share of generation and savings.",
    results:
      "Members now see their generation daily. Questions at the annual meeting turned into suggestions, and 1,100 new members joined in a year — the most since we started.",
    pullQuote: "Our members went from asking questions to making suggestions.",
    metrics: [
      { label: "Days between generation updates", before: 365, after: 1, unit: "days" },
      { label: "New members per year", before: 400, after: 1100, unit: "members" },
    ],
    createdDaysAgo: 40,
    flow: { kind: "published", submittedDaysAgo: 34, publishedDaysAgo: 21, reviewer: "priya" },
  },
  {
    handle: "emre-yilmaz",
    title: "Energy per metre of fabric down 14% with live batch data",
    productArea: "Data pipelines",
    challenge:
      "Anatolia Textile Mills measured energy use per month, per mill. Nobody could tell which dyeing batches were wasteful.",
    solution:
      "We streamed meter and batch data into Northwind Cloud and built a per-batch energy view for shift leaders, with a weekly review of the worst ten batches.",
    results:
      "Energy per metre of fabric fell 14% in six months. Two recipes were changed after the weekly review showed them using twice the energy of similar ones.",
    pullQuote: "The worst ten batches each week taught us more than a year of monthly totals.",
    metrics: [
      { label: "Energy per metre", before: 1.42, after: 1.22, unit: "kWh" },
      { label: "Batches reviewed", before: 0, after: 40, unit: "per month" },
    ],
    createdDaysAgo: 30,
    flow: { kind: "published", submittedDaysAgo: 24, publishedDaysAgo: 12, reviewer: "morgan" },
  },
  {
    handle: "declan-m",
    title: "Five vendor dashboards replaced by one newsroom view",
    productArea: "Connectors and integrations",
    challenge:
      "Tidewater Media's editors checked five vendor dashboards for audience numbers — and each said something different.",
    solution:
      "Northwind Cloud connectors pull all five sources into one model, and a single newsroom view shows live readers, subscriptions and referrers per story.",
    results:
      "Editors check one view hourly instead of five occasionally. Subscription conversions from newsletter stories rose 22% once editors could see which headlines converted.",
    pullQuote: "One number per story ended a lot of arguments in the newsroom.",
    metrics: [
      { label: "Audience dashboards", before: 5, after: 1, unit: "dashboards" },
      { label: "Newsletter conversions", before: 100, after: 122, unit: "index" },
    ],
    createdDaysAgo: 20,
    flow: { kind: "published", submittedDaysAgo: 15, publishedDaysAgo: 6, reviewer: "jonas" },
  },
  // Waiting for review, with the author, or decided otherwise.
  {
    handle: "aiko-t",
    title: "300 CNC machines on dashboards operators actually read",
    productArea: "Connectors and integrations",
    challenge:
      "Hoshino Precision Works had 300 CNC machines from four vendors and no shared view of spindle time. Operators learned about stoppages from the shift report.",
    solution:
      "We connected all four machine protocols to Northwind Cloud and built one big-screen dashboard per hall, designed with the operators in three workshops.",
    results:
      "Unplanned stoppages are noticed in minutes. Spindle utilisation rose from 61% to 72% in four months.",
    pullQuote: "The operators designed the screen, so the operators read it.",
    metrics: [
      { label: "Spindle utilisation", before: 61, after: 72, unit: "%" },
      { label: "Time to notice a stoppage", before: 240, after: 5, unit: "minutes" },
    ],
    createdDaysAgo: 9,
    flow: { kind: "submitted", submittedDaysAgo: 2 },
  },
  {
    handle: "leilani",
    title: "Two people, 40 automated workflows",
    productArea: "Workflow automation",
    challenge:
      "Island Threads is a two-person apparel brand. Returns, restocks and customer emails were eating every evening.",
    solution:
      "We built 40 small Northwind Cloud workflows: returns labels, low-stock reorders, review requests and a daily summary of what needs a human.",
    results:
      "We got back about 15 hours a week, and customer emails are answered within a day instead of four.",
    pullQuote: "Automation gave a two-person team its evenings back.",
    metrics: [
      { label: "Admin time", before: 20, after: 5, unit: "hours/week" },
      { label: "Email response time", before: 4, after: 1, unit: "days" },
    ],
    createdDaysAgo: 6,
    flow: { kind: "submitted", submittedDaysAgo: 1 },
  },
  {
    handle: "carlos-mendoza",
    title: "Three shifts, one OEE number",
    productArea: "Dashboards and reporting",
    challenge:
      "Sierra Madre Packaging's three shifts each calculated OEE their own way, so shift handovers were spent arguing about numbers.",
    solution:
      "One OEE definition in Northwind Cloud, calculated from machine data, on a screen in every hall.",
    results: "Handovers now take ten minutes and OEE rose from 64% to 71%.",
    pullQuote: "We argue about the work now, not about the numbers.",
    metrics: [
      { label: "OEE", before: 64, after: 71, unit: "%" },
      { label: "Shift handover", before: 35, after: 10, unit: "minutes" },
    ],
    createdDaysAgo: 14,
    flow: {
      kind: "changes_requested",
      submittedDaysAgo: 8,
      changes: {
        daysAgo: 5,
        reviewer: "priya",
        comment:
          "Great numbers! The solution section is one sentence — could you describe how you got the three shifts to agree on one definition, and what the screen shows? Two or three short paragraphs would be perfect.",
      },
    },
  },
  {
    handle: "noah-williams",
    title: "Embedded dashboards for 1,200 customers",
    productArea: "APIs",
    challenge: "Quillstack customers kept asking for reports we built by hand.",
    solution: "",
    results: "",
    pullQuote: "",
    metrics: [{ label: "Hand-built reports", before: 120, after: 0, unit: "per month" }],
    createdDaysAgo: 3,
    flow: { kind: "draft" },
  },
  {
    handle: "anjali-d",
    title: "How I learned Python automating 30 course reports",
    productArea: "Workflow automation",
    challenge:
      "Westbrook Online Academy's 30 weekly course reports were copy-pasted by hand every Monday.",
    solution:
      "I automated them one by one with Northwind Cloud workflows and a little Python, learning as I went.",
    results: "The reports now build themselves; I spend Mondays on analysis instead.",
    pullQuote: "Automating the boring part taught me the interesting part.",
    metrics: [{ label: "Monday reporting", before: 6, after: 0.5, unit: "hours" }],
    createdDaysAgo: 45,
    flow: {
      kind: "declined",
      submittedDaysAgo: 40,
      declinedDaysAgo: 36,
      reviewer: "jonas",
      reason:
        "This is a great personal story, but your school's communications team asked us not to publish it yet. Could you turn it into a discussion in 'Show and tell' instead? Peers would love it.",
    },
  },
  {
    handle: "hiroshi-sato",
    title: "Nightly-retrained recommendations lift read-through 27%",
    productArea: "Data pipelines",
    challenge: "Sakura Digital Press recommended chapters with a model retrained once a quarter.",
    solution: "Northwind Cloud pipelines now retrain the model nightly on the day's reading data.",
    results: "Chapter read-through rose 27% and new-series discovery doubled.",
    pullQuote: "Fresh data beat a fancier model.",
    metrics: [{ label: "Chapter read-through", before: 100, after: 127, unit: "index" }],
    createdDaysAgo: 100,
    flow: {
      kind: "unpublished",
      submittedDaysAgo: 95,
      publishedDaysAgo: 90,
      unpublishedDaysAgo: 20,
      reviewer: "morgan",
      reason:
        "Sakura Digital Press asked us to take the story down until their rebrand launches; Hiroshi will update the company name and we will republish.",
    },
  },
];

/** A story a manager starts from an advocate's discussion thread (when that thread exists). */
export const THREAD_STORY_CANDIDATES = [
  "chloe-anderson",
  "lan-nguyen",
  "meera-pillai",
  "isabella-novak",
];
