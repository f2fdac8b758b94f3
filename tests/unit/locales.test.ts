import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES, LOCALE_TAGS, RESOURCES } from "../../app/i18n/index.ts";
import { MESSAGE_FILES } from "../../app/i18n/resources.ts";

// Every shipped language is complete: the same keys as English, messages that
// parse as ICU MessageFormat, and the same placeholders, so no reader ever
// meets a raw key or a sentence with its name missing.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];
// The parser's element kinds (its TYPE enum): 0 is plain text, 7 a plural's #, 8 a tag.
const LITERAL = 0;
const TAG = 8;

/** The names a message fills in: {name}, {count, plural, …} and those inside its branches. */
function argumentsOf(message: string, locale: string): Set<string> {
  const found = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements as Array<Element & Record<string, unknown>>) {
      if (element.type === TAG) walk(element.children as Element[]);
      else if (element.type !== LITERAL && typeof element.value === "string")
        found.add(element.value);
      if (element.options)
        for (const option of Object.values(element.options as Record<string, { value: Element[] }>))
          walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return found;
}

const english = flatten(RESOURCES.en as Tree);

describe("message files", () => {
  it("are the same areas in every language, each listed for the catalogue", () => {
    const onDisk = (locale: string) =>
      readdirSync(path.resolve("app/i18n/locales", locale))
        .filter((name) => name.endsWith(".json"))
        .map((name) => name.replace(/\.json$/, ""))
        .sort();
    for (const locale of LOCALES) {
      expect(onDisk(locale), locale).toEqual(Object.keys(MESSAGE_FILES.en).sort());
      expect(Object.keys(MESSAGE_FILES[locale]).sort(), locale).toEqual(onDisk(locale));
    }
  });

  it.each([...LOCALES])("%s: no two areas define the same top-level name", (locale) => {
    const owners = new Map<string, string[]>();
    for (const [area, messages] of Object.entries(MESSAGE_FILES[locale]))
      for (const name of Object.keys(messages))
        owners.set(name, [...(owners.get(name) ?? []), area]);
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
  });
});

describe("shipped languages", () => {
  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English key and no other", (locale) => {
    const keys = [...flatten(RESOURCES[locale] as Tree).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each([...LOCALES])("%s messages parse, keep English's placeholders and format", (locale) => {
    for (const [key, message] of flatten(RESOURCES[locale] as Tree)) {
      const wanted = argumentsOf(english.get(key) ?? "", "en");
      expect([...argumentsOf(message, LOCALE_TAGS[locale])].sort(), `${locale} ${key}`).toEqual(
        [...wanted].sort(),
      );
      const values = Object.fromEntries([...wanted].map((name) => [name, 2]));
      expect(() =>
        new IntlMessageFormat(message, LOCALE_TAGS[locale]).format(values),
      ).not.toThrow();
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx?|ts)$/.test(name) ? [full] : [];
  });
}

describe("message keys used in the code", () => {
  it("all exist in English", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(match[1]);
      for (const match of source.matchAll(/\blabel: "((?:nav|shell)\.[\w.]+)"/g))
        used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});
