import { DomainError } from "../../utils/errors.ts";

/**
 * A small RFC 4180 CSV reader: quoted fields with embedded commas, line
 * breaks and doubled quotes; CRLF, LF or CR line endings; a UTF-8 byte order
 * mark at the start. Blank lines are skipped. Each record remembers the line
 * it starts on, so problems can be reported where a person will look.
 */
export interface CsvRecord {
  /** 1-based line number in the file where this record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends DomainError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`, { status: 400, code: "csv_invalid" });
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Whether the current field was quoted, and whether anything at all was read for this record.
  let quoted = false;
  let started = false;

  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "" && !started;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    started = false;
  };

  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') {
      if (field !== "" || quoted) {
        throw new CsvSyntaxError(line, "a quote appears in the middle of a field.");
      }
      quoted = true;
      started = true;
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= input.length) {
          throw new CsvSyntaxError(openedOn, "a quoted field is never closed.");
        }
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r") {
          // A line break inside quotes is kept as a plain newline.
          field += "\n";
          i += input[i + 1] === "\n" ? 2 : 1;
          line++;
          continue;
        }
        if (c === "\n") line++;
        field += c;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw new CsvSyntaxError(line, "text follows a closing quote; quote the whole field.");
      }
      continue;
    }
    if (ch === ",") {
      started = true;
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (quoted)
      throw new CsvSyntaxError(line, "text follows a closing quote; quote the whole field.");
    started = true;
    field += ch;
    i++;
  }
  if (started || field !== "" || fields.length) endRecord();
  return records;
}

/** One value as a CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // A leading =, +, -, @, tab or CR makes spreadsheets run the cell as a formula; only a
  // number in full (such as -12.5) is left alone, since "-1+1+cmd|…" also starts like one.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
