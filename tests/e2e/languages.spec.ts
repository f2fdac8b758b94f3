import { expect, test } from "./fixtures.ts";

// A reader whose browser asks for Chinese gets Limelight in Chinese, finds
// the Chinese thread by a few of its words, then chooses Spanish in their
// settings: from then on the site is Spanish, whatever the browser asks.

test("a Chinese browser reads Limelight in Chinese, finds a Chinese thread, and a member switches to Spanish", async ({
  browser,
  account,
  baseURL,
}) => {
  const member = await account("advocate", "lang");
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  try {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("link", { name: "讨论", exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "登录", exact: true }).first()).toBeVisible();

    // Search splits no Chinese into words: a phrase from the middle of a title finds it.
    await page.goto("/search");
    await page.getByLabel("搜索内容").fill("重定向回首页");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(
      page.getByRole("link", { name: "单点登录配置：上海团队登录后被重定向回首页" }),
    ).toBeVisible();

    // Signed in, the member picks Spanish on /settings/language.
    const signedIn = await page.request.post("/login", {
      form: { email: member.email, password: member.password },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(signedIn.status()).toBe(302);
    await page.goto("/settings/language");
    await expect(page.getByRole("heading", { name: "语言", exact: true })).toBeVisible();
    await page.getByLabel("Limelight 显示语言").selectOption("es");
    await page.getByRole("button", { name: "保存语言" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: "Idioma", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar idioma" })).toBeVisible();

    // The choice is the member's own: it outranks the browser's Chinese on every page.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(
      page.getByRole("link", { name: "Conversaciones", exact: true }).first(),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});
