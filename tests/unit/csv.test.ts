import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvField, parseCsv, toCsv } from "../../app/modules/promoters/csv.ts";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv", () => {
  it("reads plain records and ignores a trailing line break", () => {
    expect(fields("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("accepts CRLF, LF and lone CR line endings alike", () => {
    expect(fields("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(fields("a,b\r1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("drops a UTF-8 byte order mark so the first header still matches", () => {
    expect(fields("\uFEFFemail,score\nx@y.z,9")[0]).toEqual(["email", "score"]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const text = 'name,comment\n"Lee, Sam","She said ""wow""\r\nand then\nleft"\n';
    expect(fields(text)).toEqual([
      ["name", "comment"],
      ["Lee, Sam", 'She said "wow"\nand then\nleft'],
    ]);
  });

  it("reports the line a record starts on, counting line breaks inside quotes", () => {
    const records = parseCsv('h1,h2\n"multi\nline",x\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(fields('a,,c,\n"",x,,')).toEqual([
      ["a", "", "c", ""],
      ["", "x", "", ""],
    ]);
  });

  it("skips blank lines but keeps a record of one empty quoted field", () => {
    expect(fields('a\n\n\r\nb\n""\n')).toEqual([["a"], ["b"], [""]]);
  });

  it("refuses an unclosed quote and names the line where it opened", () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"never closed\n2,3')).toThrow(/Line 2/);
  });

  it("refuses text after a closing quote and a quote in the middle of a field", () => {
    expect(() => parseCsv('"abc"def,1')).toThrow(/closing quote/);
    expect(() => parseCsv('ab"c,1')).toThrow(/middle of a field/);
  });

  it("reads an empty file as no records", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
  });
});

describe("writing CSV", () => {
  it("quotes only what needs quoting and round-trips through the reader", () => {
    const rows = [
      ["plain", 'with "quotes"', "with, comma", "two\nlines", 42],
      ["", null, undefined, "x", -3],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('plain,"with ""quotes""","with, comma","two\nlines",42\r\n')).toBe(true);
    expect(fields(text)).toEqual([
      ["plain", 'with "quotes"', "with, comma", "two\nlines", "42"],
      ["", "", "", "x", "-3"],
    ]);
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-12.5")).toBe("-12.5");
  });

  it("defuses formulas that start like a number, and keeps whole numbers as numbers", () => {
    expect(csvField("-1+1+cmd|' /C calc'!A0")).toBe("'-1+1+cmd|' /C calc'!A0");
    expect(csvField('-1-HYPERLINK("https://evil.test","x")')).toBe(
      '"\'-1-HYPERLINK(""https://evil.test"",""x"")"',
    );
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField("-3")).toBe("-3");
    expect(csvField(-42)).toBe("-42");
    expect(csvField("+7")).toBe("+7");
    expect(toCsv([["Acme", -12.5, "-1+2"]])).toBe("Acme,-12.5,'-1+2\r\n");
  });
});
