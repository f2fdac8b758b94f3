// Survey responses, reference requests and referrals of the demo community.
// Everything here is generated deterministically from the date the demo is
// seeded, so tests can recompute what the pages should show.

const DAY = 86_400_000;

export interface SeedResponse {
  email: string;
  name: string;
  company: string;
  score: number;
  comment: string;
  respondedAt: Date;
}

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Amelia",
  "Ben",
  "Chiara",
  "Dmitri",
  "Esther",
  "Farid",
  "Greta",
  "Hugo",
  "Ines",
  "Jonah",
  "Keiko",
  "Liam",
  "Maya",
  "Nikhil",
  "Odile",
  "Pavel",
  "Quinn",
  "Rania",
  "Stefan",
  "Tamsin",
  "Umar",
  "Vera",
  "Wiremu",
  "Xin",
  "Yusuf",
  "Zofia",
  "Aurelio",
  "Bianca",
  "Cormac",
  "Dalia",
];
const LAST = [
  "Abbott",
  "Baptiste",
  "Castell",
  "Dunmore",
  "Eriksen",
  "Fitzgerald",
  "Gallo",
  "Hartmann",
  "Ibarra",
  "Jansen",
  "Kaur",
  "Lindgren",
  "Moreau",
  "Nakamura",
  "Oyelaran",
  "Prescott",
  "Quiroga",
  "Reinholt",
  "Sandoval",
  "Takahashi",
  "Ulloa",
  "Varga",
  "Whitfield",
  "Yamamoto",
];
const COMPANIES = [
  "Harbour & Pine Outfitters",
  "Crestline Logistics",
  "Verdant Health Partners",
  "Ironbridge Manufacturing",
  "Bluefin Analytics",
  "Solace Insurance Group",
  "Maple Row Schools",
  "Northgate Energy Co-op",
  "Tessellate Media",
  "Quayside Retail",
  "Altamira Credit Union",
  "Copperleaf Foods",
  "Granite Peak Software",
  "Riverbend Transit Authority",
  "Luma Clinics",
  "Stratus Freightways",
  "Kestrel Payments",
  "Orchard Lane Publishing",
  "Pioneer Valley Water",
  "Saltmarsh Robotics",
];
const PROMOTER_COMMENTS = [
  "The pipelines just run. We stopped babysitting nightly jobs within a month.",
  "Support answered a gnarly SSO question in under an hour, with a working config.",
  "Our ops team built their own dashboards without waiting for IT. That never happened before.",
  "Governance features made our auditors relax for the first time in years.",
  "We replaced three tools with one and the finance team finally trusts the numbers.",
  "Migration was smoother than promised: ran old and new side by side and diffed for weeks.",
  "The community forum solved more of my problems than the docs did. In a good way.",
  "Alerting on our cold chain now fires in minutes instead of the next morning.",
  "",
  "",
];
const PASSIVE_COMMENTS = [
  "Solid product, but pricing for extra workers adds up quickly.",
  "Good overall. The API docs could use more real examples.",
  "Works well once set up; onboarding took longer than we planned.",
  "Dashboards are great, the mobile view less so.",
  "",
];
const DETRACTOR_COMMENTS = [
  "Two outages during month-end close hurt us badly.",
  "Renewal pricing jumped 30% with little warning.",
  "Salesforce connector keeps timing out on large objects.",
  "Too hard to find answers without opening a ticket.",
  "",
];

/** Members who answered the survey as promoters before or after joining (handle → score, months ago). */
export const MEMBER_PROMOTERS: {
  email: string;
  name: string;
  company: string;
  score: number;
  monthsAgo: number;
  comment: string;
}[] = [
  {
    email: "catie@demo.limelight.dev",
    name: "Catie Brennan",
    company: "Bluewater Freight Co.",
    score: 10,
    monthsAgo: 10,
    comment:
      "Our dispatchers and our board finally look at the same number every morning. I tell every freight ops lead I meet.",
  },
  {
    email: "tomas.aguilar@demo.limelight.dev",
    name: "Tomás Aguilar",
    company: "Casa Verde Market",
    score: 10,
    monthsAgo: 9,
    comment:
      "Moving 600 nightly jobs off the old scheduler was the best decision of my career so far.",
  },
  {
    email: "oluwaseun.adeyemi@demo.limelight.dev",
    name: "Oluwaseun Adeyemi",
    company: "Lagoon Microfinance Bank",
    score: 9,
    monthsAgo: 8,
    comment: "Regulatory returns in four days instead of three weeks. My board noticed.",
  },
  {
    email: "grace.mwangi@demo.limelight.dev",
    name: "Grace Mwangi",
    company: "Savanna Cold Chain",
    score: 10,
    monthsAgo: 7,
    comment:
      "I built our temperature alerting myself with the visual workflow builder. No developer needed.",
  },
  {
    email: "fatima.alsayed@demo.limelight.dev",
    name: "Fatima Al-Sayed",
    company: "Amman Urban Services Agency",
    score: 9,
    monthsAgo: 6,
    comment:
      "Permit approvals went from 45 days to 12. Citizens can follow their application online.",
  },
  {
    email: "marisol.fuentes@demo.limelight.dev",
    name: "Marisol Fuentes",
    company: "Instituto Andino de Tecnología",
    score: 9,
    monthsAgo: 5,
    comment: "Advisers reach at-risk students in week four now. That changed our retention.",
  },
  {
    email: "ethan.cho@demo.limelight.dev",
    name: "Ethan Cho",
    company: "Meridian Mutual Insurance",
    score: 9,
    monthsAgo: 4,
    comment: "Data tests on every deploy: incidents dropped from nine a month to one.",
  },
  {
    email: "rajesh.iyer@demo.limelight.dev",
    name: "Rajesh Iyer",
    company: "Ledgerly",
    score: 10,
    monthsAgo: 3,
    comment: "Scaling workers on queue depth cut our compute bill by 28%.",
  },
  // Prospects on Limelight who said they would recommend us but are not verified advocates yet.
  {
    email: "daniel.hughes@demo.limelight.dev",
    name: "Daniel Hughes",
    company: "",
    score: 9,
    monthsAgo: 2,
    comment: "The trial convinced our whole data team.",
  },
  {
    email: "nadia.rahman@demo.limelight.dev",
    name: "Nadia Rahman",
    company: "",
    score: 10,
    monthsAgo: 1,
    comment: "Best onboarding experience we have had with a data vendor.",
  },
];

/** Promoters who joined through an invitation and have not contributed yet. */
export const INVITED_JOINERS = [
  {
    email: "amelia.abbott@harbourpine.example",
    name: "Amelia Abbott",
    handle: "amelia-abbott",
    company: "Harbour & Pine Outfitters",
    industry: "Retail and e-commerce",
    monthsAgo: 3,
  },
  {
    email: "hugo.hartmann@ironbridge.example",
    name: "Hugo Hartmann",
    handle: "hugo-hartmann",
    company: "Ironbridge Manufacturing",
    industry: "Manufacturing",
    monthsAgo: 2,
  },
] as const;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * 12 months of survey answers (about 20 a month) with an NPS that improves
 * from the mid-20s to the mid-40s, plus the members above. Answers fall on
 * whole days before the seed date, at fixed hours.
 */
export function generateSurveyResponses(now: Date): SeedResponse[] {
  const rand = random(20261122);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const responses: SeedResponse[] = [];
  const used = new Set<string>();
  for (let monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1);
    const monthEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 1);
    const lastDay = Math.min(monthEnd, today) - DAY;
    const count = 17 + Math.floor(rand() * 6);
    const progress = (11 - monthsAgo) / 11;
    const promoterShare = 0.45 + 0.13 * progress;
    const detractorShare = 0.2 - 0.08 * progress;
    for (let i = 0; i < count; i++) {
      const r = rand();
      const score =
        r < promoterShare
          ? 9 + Math.floor(rand() * 2)
          : r < 1 - detractorShare
            ? 7 + Math.floor(rand() * 2)
            : Math.floor(rand() * 7);
      const dayOffset = Math.floor(rand() * 28);
      const hour = 8 + Math.floor(rand() * 10);
      if (lastDay < monthStart) continue;
      const day = Math.min(monthStart + dayOffset * DAY, lastDay);
      const first = pick(FIRST);
      const last = pick(LAST);
      const company = pick(COMPANIES);
      let email = `${slug(first)}.${slug(last)}@${slug(company)}.example`;
      for (let n = 2; used.has(email); n++)
        email = `${slug(first)}.${slug(last)}${n}@${slug(company)}.example`;
      used.add(email);
      const comment =
        score >= 9
          ? pick(PROMOTER_COMMENTS)
          : score >= 7
            ? pick(PASSIVE_COMMENTS)
            : pick(DETRACTOR_COMMENTS);
      responses.push({
        email,
        name: `${first} ${last}`,
        company,
        score,
        comment,
        respondedAt: new Date(day + hour * 3_600_000),
      });
    }
  }
  const onDay = (monthsAgo: number, day: number, hour: number) => {
    const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, hour);
    return new Date(Math.min(at, today - DAY + hour * 3_600_000));
  };
  for (const m of MEMBER_PROMOTERS) {
    responses.push({ ...m, respondedAt: onDay(m.monthsAgo, 12, 10) });
  }
  for (const j of INVITED_JOINERS) {
    responses.push({
      email: j.email,
      name: j.name,
      company: j.company,
      score: 10,
      comment: "Happy to tell other teams how we use it.",
      respondedAt: onDay(j.monthsAgo + 1, 20, 14),
    });
  }
  return responses.sort((a, b) => a.respondedAt.getTime() - b.respondedAt.getTime());
}

export interface SeedReferral {
  advocate: string;
  contactName: string;
  contactEmail: string;
  company: string;
  note: string;
  stage: "submitted" | "contacted" | "qualified" | "won" | "lost";
  revenueCents?: number;
  marginCents?: number;
  daysAgo: number;
}

export const SEED_REFERRALS: SeedReferral[] = [
  {
    advocate: "catie",
    contactName: "Rob Kettering",
    contactEmail: "rob.kettering@lakeshorehaulage.example",
    company: "Lakeshore Haulage",
    note: "Their carrier scorecard is where ours was three years ago.",
    stage: "won",
    revenueCents: 4_800_000,
    marginCents: 3_360_000,
    daysAgo: 210,
  },
  {
    advocate: "catie",
    contactName: "Mina Osei",
    contactEmail: "mina.osei@prairiefreight.example",
    company: "Prairie Freight Lines",
    note: "Met at the supply chain summit; wants to see the dispatcher dashboard.",
    stage: "qualified",
    daysAgo: 45,
  },
  {
    advocate: "tomas-aguilar",
    contactName: "Laura Vidal",
    contactEmail: "laura.vidal@mercadosol.example",
    company: "Mercado Sol",
    note: "Grocery chain in Valencia, same legacy scheduler we had.",
    stage: "won",
    revenueCents: 3_150_000,
    marginCents: 2_050_000,
    daysAgo: 160,
  },
  {
    advocate: "seun",
    contactName: "Kofi Boateng",
    contactEmail: "kofi.boateng@goldcoastmfb.example",
    company: "Gold Coast Microfinance",
    note: "Their regulator asks for the same monthly returns as ours.",
    stage: "contacted",
    daysAgo: 20,
  },
  {
    advocate: "grace-mwangi",
    contactName: "Peter Njoroge",
    contactEmail: "peter.njoroge@rift-dairy.example",
    company: "Rift Valley Dairy",
    note: "Loses milk loads to temperature drift; would love our alerting.",
    stage: "won",
    revenueCents: 1_200_000,
    marginCents: 780_000,
    daysAgo: 120,
  },
  {
    advocate: "fatima-alsayed",
    contactName: "Omar Khalil",
    contactEmail: "omar.khalil@zarqa-city.example",
    company: "Zarqa Municipality",
    note: "Permit backlog of 4,000 applications.",
    stage: "lost",
    daysAgo: 140,
  },
  {
    advocate: "marisol",
    contactName: "Sofía Paredes",
    contactEmail: "sofia.paredes@upacifico.example",
    company: "Universidad del Pacífico",
    note: "Retention project starting next semester.",
    stage: "submitted",
    daysAgo: 6,
  },
  {
    advocate: "ethan-cho",
    contactName: "Grant Oduya",
    contactEmail: "grant.oduya@northshield.example",
    company: "Northshield Assurance",
    note: "Their data quality incidents sound familiar.",
    stage: "submitted",
    daysAgo: 3,
  },
  {
    advocate: "rajesh-iyer",
    contactName: "Priyanka Sen",
    contactEmail: "priyanka.sen@billbird.example",
    company: "Billbird",
    note: "Running workers on Kubernetes; struggling with autoscaling.",
    stage: "contacted",
    daysAgo: 30,
  },
  {
    advocate: "catie",
    contactName: "Terry Lomax",
    contactEmail: "terry.lomax@ohiovalleyxpress.example",
    company: "Ohio Valley Express",
    note: "Small carrier, maybe too early for them.",
    stage: "lost",
    daysAgo: 95,
  },
  {
    advocate: "lukas-becker",
    contactName: "Sanne Visser",
    contactEmail: "sanne.visser@noordzeewind.example",
    company: "Noordzee Wind",
    note: "Turbine telemetry at a similar scale.",
    stage: "qualified",
    daysAgo: 60,
  },
];

export interface SeedReference {
  advocate: string;
  prospect: string;
  topic: string;
  context: string;
  preferredTimes: string;
  status: "queued" | "pending" | "accepted" | "declined" | "completed" | "cancelled";
  daysAgo: number;
  helpful?: boolean;
}

export const SEED_REFERENCES: SeedReference[] = [
  // Waiting on Catie: she sees it in /references and decides.
  {
    advocate: "catie",
    prospect: "lucia-moreno",
    topic: "Replacing carrier spreadsheets with one dashboard",
    context:
      "We run 300 trucks in northern Spain and our weekly scorecard takes two days to build.",
    preferredTimes: "Tuesday or Thursday mornings CET",
    status: "pending",
    daysAgo: 1,
  },
  {
    advocate: "catie",
    prospect: "daniel-hughes",
    topic: "Getting dispatchers to trust the dashboard",
    context: "Our dispatchers keep their own spreadsheets next to the official report.",
    preferredTimes: "Afternoons ET",
    status: "completed",
    daysAgo: 75,
    helpful: true,
  },
  {
    advocate: "catie",
    prospect: "kenji-watanabe",
    topic: "Telematics into a live on-time view",
    context: "",
    preferredTimes: "Any weekday, Tokyo evening",
    status: "completed",
    daysAgo: 150,
    helpful: true,
  },
  {
    advocate: "tomas-aguilar",
    prospect: "nadia-rahman",
    topic: "Planning a scheduler migration",
    context: "About 400 nightly jobs, two people who understand them.",
    preferredTimes: "Mondays",
    status: "accepted",
    daysAgo: 4,
  },
  {
    advocate: "seun",
    prospect: "olivia-bennett",
    topic: "Regulatory reporting for a small lender",
    context: "We report monthly to a central bank.",
    preferredTimes: "Wednesday 14:00 UTC",
    status: "declined",
    daysAgo: 12,
  },
  {
    advocate: "grace-mwangi",
    prospect: "lucia-moreno",
    topic: "Alerting without developers",
    context: "Our ops team wants to build alerts themselves.",
    preferredTimes: "Fridays",
    status: "completed",
    daysAgo: 40,
    helpful: false,
  },
  {
    advocate: "marisol",
    prospect: "kenji-watanabe",
    topic: "Explaining risk scores to students",
    context: "",
    preferredTimes: "",
    status: "cancelled",
    daysAgo: 25,
  },
  // Fatima takes one conversation a month; this month's is taken, so the next one waits.
  {
    advocate: "fatima-alsayed",
    prospect: "daniel-hughes",
    topic: "Change management in a city agency",
    context: "Permits take us 60 days on average.",
    preferredTimes: "Sunday to Thursday, mornings",
    status: "pending",
    daysAgo: 2,
  },
  {
    advocate: "fatima-alsayed",
    prospect: "olivia-bennett",
    topic: "Digitising paper workflows",
    context: "We still route approvals by email.",
    preferredTimes: "Any morning",
    status: "queued",
    daysAgo: 1,
  },
];

/** Monthly limits that differ from the default of 2. */
export const SEED_CAPS: Record<string, number> = { catie: 3, "fatima-alsayed": 1 };
