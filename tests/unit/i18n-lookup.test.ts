import i18next from "i18next";
import ICU from "i18next-icu";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOCALE,
  i18nextOptions,
  i18nFor,
  LOCALES,
  RESOURCES,
} from "../../app/i18n/index.ts";

// Limelight answers plain translation calls from its own compiled messages
// instead of i18next's general translator. Whatever it answers must be what
// i18next with the ICU plugin answers, for every key of every language.

type Tree = { [key: string]: string | Tree };
function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [name] : keysOf(value, name);
  });
}

function reference(locale: (typeof LOCALES)[number]) {
  const instance = i18next.createInstance();
  void instance.use(ICU).init(i18nextOptions(locale));
  return instance;
}

/** Values for every name a message mentions: as numbers, as words, and as a date. */
function samples(message: string): Record<string, unknown>[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((m) => m[1]);
  const fill = (value: unknown) => Object.fromEntries(names.map((n) => [n, value]));
  return [fill(0), fill(1), fill(7), fill("Ada <b>&</b>"), fill(new Date(Date.UTC(2026, 11, 4)))];
}

const englishKeys = keysOf(RESOURCES[DEFAULT_LOCALE] as Tree);

describe("translation lookups", () => {
  for (const locale of LOCALES) {
    it(`answers every ${locale} key as i18next does, with and without values`, () => {
      const ours = i18nFor(locale);
      const theirs = reference(locale);
      const hook = ours.getFixedT(null, "translation");
      let compared = 0;
      for (const key of englishKeys) {
        const text = String(theirs.t(key));
        expect(ours.t(key), key).toBe(text);
        expect(hook(key), key).toBe(text);
        for (const values of samples(text)) {
          expect(ours.t(key, values), `${key} ${JSON.stringify(values)}`).toBe(
            String(theirs.t(key, values)),
          );
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(englishKeys.length);
    });
  }

  it("leaves calls it does not answer to i18next: unknown keys, defaults, other languages", () => {
    const zh = i18nFor("zh");
    const theirs = reference("zh");
    expect(zh.t("no.such.key")).toBe("no.such.key");
    expect(zh.t("no.such.key", { defaultValue: "Fallback" })).toBe("Fallback");
    expect(zh.t("no.such.key", "Fallback")).toBe("Fallback");
    const key = englishKeys.find((k) => !/[{}'#<]/.test(String(theirs.t(k))))!;
    expect(zh.t(key, { lng: "es" })).toBe(String(theirs.t(key, { lng: "es" })));
    expect(zh.t(key, { lng: "es" })).not.toBe(zh.t(key));
    expect(zh.getFixedT("es")(key)).toBe(String(theirs.getFixedT("es")(key)));
  });
});
