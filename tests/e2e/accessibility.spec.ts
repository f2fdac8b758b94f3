import { expect, expectAccessible, test } from "./fixtures.ts";

// The public pages a first-time visitor sees, checked with axe in every way they are viewed.
const PAGES = [
  { name: "landing page", path: "/", heading: "Hear it from customers who have already done it." },
  { name: "directory", path: "/advocates", heading: "Advocates" },
  { name: "profile", path: "/u/catie", heading: "Catie Brennan" },
  { name: "sign-in", path: "/login", heading: "Welcome back" },
  { name: "sign-up", path: "/signup", heading: "Join the community" },
  { name: "not-found page", path: "/no/such/page", heading: "Page not found" },
];

const VIEWS = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { name: "dark", colorScheme: "dark", viewport: { width: 1280, height: 900 } },
  { name: "phone", colorScheme: "light", viewport: { width: 390, height: 844 } },
  { name: "phone, dark", colorScheme: "dark", viewport: { width: 390, height: 844 } },
] as const;

for (const view of VIEWS) {
  test.describe(`${view.name}`, () => {
    test.use({ viewport: view.viewport, colorScheme: view.colorScheme });
    for (const page of PAGES) {
      test(`the ${page.name} has no serious accessibility problems`, async ({ page: tab }) => {
        await tab.emulateMedia({ colorScheme: view.colorScheme });
        await tab.goto(page.path);
        await expect(tab.getByRole("heading", { level: 1, name: page.heading })).toBeVisible();
        await expect(tab).toHaveTitle(/Limelight/);
        await expectAccessible(tab);
      });
    }
  });
}
