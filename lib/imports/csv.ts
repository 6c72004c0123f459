/**
 * A streaming CSV reader: bytes in, rows out, holding no more than the row being read. RFC 4180
 * (quoted fields with commas, doubled quotes and line breaks; CRLF or LF), a byte-order mark
 * dropped, and the text decoded as UTF-8 — or, when the first bytes are not UTF-8, as GB18030,
 * which is what Excel on a Chinese Windows saves a "CSV" in. With limits, a field longer than
 * maxCellChars or a row of more than maxColumns fields is refused as it is read (SheetLimitError),
 * so a file of one endless field cannot fill memory. Pure (no I/O).
 */
import { SheetLimitError } from "./limits";

/** Decides the encoding from the first chunk, then decodes chunk by chunk (characters split across chunks are kept whole). */
export class CsvDecoder {
  private decoder: TextDecoder | null = null;

  decode(chunk: Uint8Array): string {
    if (!this.decoder) this.decoder = pickDecoder(chunk);
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder?.decode() ?? "";
  }
}

function pickDecoder(first: Uint8Array): TextDecoder {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return new TextDecoder("utf-8", { ignoreBOM: false });
  try {
    // The whole first chunk must be valid UTF-8 (a character cut at its end is not an error with stream: true).
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return new TextDecoder("utf-8");
  } catch {
    return new TextDecoder("gb18030");
  }
}

export type CsvLimits = { maxCellChars: number; maxColumns: number };

/** Splits text, fed in pieces of any size, into rows of fields. */
export class CsvParser {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote was just read: it either closes the field or, doubled, is a literal quote. */
  private quoteSeen = false;
  private afterCr = false;
  private started = false;
  private fieldStarted = false;
  /** Rows finished so far (to say where a limit was hit). */
  private rowsDone = 0;

  constructor(private readonly limits: CsvLimits | null = null) {}

  /** The complete rows this piece of text finishes. */
  push(text: string): string[][] {
    const rows: string[][] = [];
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
          // Falls through: the character after the closing quote is read as outside quotes.
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (c === ",") {
        this.endField();
      } else if (c === "\n" || c === "\r") {
        this.afterCr = c === "\r";
        this.endField();
        rows.push(this.row);
        this.row = [];
        this.rowsDone++;
      } else {
        this.field += c;
        this.fieldStarted = true;
      }
    }
    // A field still open grows by at most one piece between checks.
    this.checkField();
    return rows;
  }

  /** The last row, if the text did not end with a line break. */
  end(): string[][] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (!this.fieldStarted && this.row.length === 0 && this.field === "") return [];
    this.endField();
    const row = this.row;
    this.row = [];
    return [row];
  }

  private checkField() {
    if (this.limits && this.field.length > this.limits.maxCellChars) throw new SheetLimitError("cell", this.limits.maxCellChars, this.rowsDone + 1);
  }

  private endField() {
    this.checkField();
    if (this.limits && this.row.length >= this.limits.maxColumns) throw new SheetLimitError("columns", this.limits.maxColumns, this.rowsDone + 1);
    this.row.push(this.field);
    this.field = "";
    this.fieldStarted = false;
  }
}
