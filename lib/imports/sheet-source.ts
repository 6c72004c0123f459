/**
 * Reads a spreadsheet file (an upload spooled to disk) row by row, checking every limit of
 * ./limits.ts as it goes, so a hostile file is refused after a few megabytes of work rather than
 * after filling memory. Runs in the import worker (./sheet-worker.mjs); pure Node otherwise (no
 * server-only imports, no path aliases), so tests call it directly too.
 *
 * .xlsx: our own reader, not exceljs's — yauzl reads the zip's central directory (each part's
 * declared sizes, random access to the parts in the order we need them), zlib inflates each part
 * with its bytes counted (refused past the total cap, or past the ratio to its compressed size),
 * and saxes parses the XML as it is inflated, with no text run longer than a cell may be. The first
 * worksheet (the workbook's first tab) is read; cells come out as trimmed text: shared and inline
 * strings (rich text joined, phonetic runs left out), numbers exactly as text, date cells (by
 * their style's number format, built-in or custom) as YYYY-MM-DD, formulas as their cached result,
 * booleans as true/false, errors as empty. A row or cell without its `r` reference takes the next
 * position. Rows with no value are not given.
 *
 * .csv: ./csv.ts, with the cell and column limits; rows, row length as for .xlsx.
 */
import { createReadStream } from "node:fs";
import zlib from "node:zlib";
import { SaxesParser, type SaxesTag } from "saxes";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { CsvDecoder, CsvParser } from "./csv";
import { SheetLimitError, SheetUnreadableError, type ImportLimits } from "./limits";
import { numberText } from "./number-text";

export type SheetRow = { number: number; cells: string[] };
export type SourceFormat = "xlsx" | "csv";

/** Inflated bytes of a part read before its running ratio is checked (small parts compress very well). */
const RATIO_GRACE = 4 * 1024 * 1024;
/** Excel's last row. */
const MAX_ROW_NUMBER = 1_048_576;

/** The rows of the file with their row numbers as a spreadsheet shows them; `onBytes`: how far into the file the reading is. */
export async function* sheetRows(file: string, format: SourceFormat, limits: ImportLimits, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<SheetRow> {
  let count = 0;
  const source = format === "xlsx" ? xlsxRows(file, limits, onBytes) : csvRows(file, limits, onBytes);
  for await (const row of source) {
    if (++count > limits.maxRows) throw new SheetLimitError("rows", limits.maxRows, row.number);
    let chars = 0;
    for (const c of row.cells) chars += c.length;
    if (chars > limits.maxRowChars) throw new SheetLimitError("rowChars", limits.maxRowChars, row.number);
    yield row;
  }
}

async function* csvRows(file: string, limits: ImportLimits, onBytes: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const decoder = new CsvDecoder();
  const parser = new CsvParser({ maxCellChars: limits.maxCellChars, maxColumns: limits.maxColumns });
  let n = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    bytes += (chunk as Buffer).length;
    onBytes(bytes);
    for (const cells of parser.push(decoder.decode(chunk as Uint8Array))) yield { number: ++n, cells: cells.map((c) => c.trim()) };
  }
  for (const cells of [...parser.push(decoder.end()), ...parser.end()]) yield { number: ++n, cells: cells.map((c) => c.trim()) };
}

// ---------------------------------------------------------------------------------------------
// .xlsx

/** Built-in number formats that are dates or times (14–22; 27–36 and 50–58 are the East Asian date formats). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code that shows a date or time (as exceljs decides it: a y/m/d/h/s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial date → YYYY-MM-DD (as exceljs converts it, then the UTC day). */
export function serialDate(value: number, date1904: boolean): string {
  const d = new Date(Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** "BC12" → 55 (1-based); null without letters. */
function columnOf(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > 1e7) break;
  }
  return i ? col : null;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

class Zip {
  private unzipped = 0;
  private constructor(
    private readonly zip: ZipFile,
    private readonly parts: Map<string, Entry>,
    private readonly limits: ImportLimits,
  ) {}

  static async open(file: string, limits: ImportLimits): Promise<Zip> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false });
    } catch (e) {
      throw new SheetUnreadableError(`not a zip: ${(e as Error).message}`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) throw new SheetLimitError("entries", limits.maxEntries);
      const parts = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) {
        if (parts.size >= limits.maxEntries) throw new SheetLimitError("entries", limits.maxEntries);
        // Part names are case-insensitive (Open Packaging Conventions).
        parts.set(entry.fileName.replace(/^\/+/, "").toLowerCase(), entry);
      }
      return new Zip(zip, parts, limits);
    } catch (e) {
      zip.close();
      if (e instanceof SheetLimitError) throw e;
      throw new SheetUnreadableError(`bad zip: ${(e as Error).message}`);
    }
  }

  has(name: string) {
    return this.parts.has(name.toLowerCase());
  }

  names() {
    return [...this.parts.keys()];
  }

  close() {
    this.zip.close();
  }

  /**
   * A part's bytes as they are inflated, counted: refused when its declared size or the bytes
   * inflated go past what is left of the total, or past the ratio to its compressed size (the
   * declared size up front; while inflating, against the compressed bytes read so far).
   */
  async *inflate(name: string, onCompressed?: (entryOffset: number, read: number) => void): AsyncGenerator<Buffer> {
    const entry = this.parts.get(name.toLowerCase());
    if (!entry) throw new SheetUnreadableError(`no part ${name}`);
    const { maxUnzippedBytes, maxRatio } = this.limits;
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw new SheetUnreadableError(`cannot read part ${name}`);
    if (this.unzipped + entry.uncompressedSize > maxUnzippedBytes) throw new SheetLimitError("unzipped", maxUnzippedBytes);
    if (entry.uncompressedSize > RATIO_GRACE && entry.uncompressedSize > Math.max(entry.compressedSize, 1) * maxRatio) throw new SheetLimitError("ratio", maxRatio);
    const raw = await this.zip.openReadStreamPromise(entry, { decompress: false });
    const deflated = entry.compressionMethod === 8;
    let read = 0;
    if (deflated) {
      raw.on("data", (chunk: Buffer) => {
        read += chunk.length;
        onCompressed?.(entry.relativeOffsetOfLocalHeader, read);
      });
    }
    const inflated = deflated ? raw.pipe(zlib.createInflateRaw()) : raw;
    if (deflated) raw.on("error", (e) => inflated.destroy(e));
    let out = 0;
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        out += chunk.length;
        if (!deflated) {
          read = out;
          onCompressed?.(entry.relativeOffsetOfLocalHeader, read);
        }
        this.unzipped += chunk.length;
        if (this.unzipped > maxUnzippedBytes) throw new SheetLimitError("unzipped", maxUnzippedBytes);
        if (out > RATIO_GRACE && (out > Math.max(read, 1) * maxRatio || out > Math.max(entry.compressedSize, 1) * maxRatio)) throw new SheetLimitError("ratio", maxRatio);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof SheetLimitError) throw e;
      throw new SheetUnreadableError(`cannot inflate ${name}: ${(e as Error).message}`);
    } finally {
      raw.destroy();
      inflated.destroy();
    }
  }
}

type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/**
 * Parses a part's XML as it is inflated. No run of text without a "<" may be longer than a cell
 * can be (with room for markup and entities), so the parser never buffers more than that.
 * `after` runs after each piece (to give the rows it finished).
 */
async function* parsePart(zip: Zip, name: string, limits: ImportLimits, handlers: XmlHandlers, opts: { row?: () => number | undefined; onCompressed?: (offset: number, read: number) => void } = {}) {
  const parser = new SaxesParser({ position: false, xmlns: false });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag: SaxesTag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const maxRun = limits.maxCellChars * 8 + 65_536;
  let run = 0;
  const decoder = new TextDecoder("utf-8");
  const feed = (text: string) => {
    const lt = text.lastIndexOf("<");
    run = lt < 0 ? run + text.length : text.length - lt - 1;
    if (run > maxRun) throw new SheetLimitError(opts.row ? "cell" : "sharedCell", limits.maxCellChars, opts.row?.());
    parser.write(text);
    if (failure) throw new SheetUnreadableError(`bad XML in ${name}: ${failure.message}`);
  };
  for await (const chunk of zip.inflate(name, opts.onCompressed)) {
    feed(decoder.decode(chunk, { stream: true }));
    yield;
  }
  feed(decoder.decode());
  parser.close();
  if (failure) throw new SheetUnreadableError(`bad XML in ${name}: ${(failure as Error).message}`);
}

/** Reads a small part whole (rels, workbook, styles): events only. */
async function readPart(zip: Zip, name: string, limits: ImportLimits, handlers: XmlHandlers) {
  for await (const _ of parsePart(zip, name, limits, handlers));
}

/** "worksheets/sheet1.xml" relative to "xl/workbook.xml" → "xl/worksheets/sheet1.xml". */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p && p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** The relationships of a part: id → { type (its last segment), target part }. */
async function relationships(zip: Zip, part: string, limits: ImportLimits) {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, { type: string; target: string }>();
  if (!zip.has(relsName)) return rels;
  await readPart(zip, relsName, limits, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      rels.set(a.Id, { type: (a.Type ?? "").split("/").pop() ?? "", target: resolvePart(part, a.Target) });
    },
  });
  return rels;
}

async function* xlsxRows(file: string, limits: ImportLimits, onBytes: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const zip = await Zip.open(file, limits);
  try {
    // The workbook: from the package's relationships, or where Excel puts it.
    const root = await relationships(zip, "", limits);
    const workbook = [...root.values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
    if (!zip.has(workbook)) throw new SheetUnreadableError("no workbook part");
    const rels = await relationships(zip, workbook, limits);

    // Its first sheet (the first tab), and whether dates count from 1904.
    let firstSheetRel: string | undefined;
    let date1904 = false;
    await readPart(zip, workbook, limits, {
      open(name, a) {
        if (name === "sheet" && firstSheetRel === undefined) firstSheetRel = a["r:id"] ?? Object.entries(a).find(([k]) => localName(k) === "id")?.[1];
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      },
    });
    let sheetPart = firstSheetRel ? rels.get(firstSheetRel)?.target : undefined;
    if (!sheetPart || !zip.has(sheetPart)) sheetPart = zip.names().find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    if (!sheetPart) throw new SheetUnreadableError("no worksheet");
    const target = (type: string, fallback: string) => [...rels.values()].find((r) => r.type === type)?.target ?? fallback;

    const dateStyles = await readDateStyles(zip, target("styles", "xl/styles.xml"), limits);
    const shared = await readSharedStrings(zip, target("sharedStrings", "xl/sharedStrings.xml"), limits);
    yield* worksheetRows(zip, sheetPart, limits, { shared, dateStyles, date1904 }, onBytes);
  } finally {
    zip.close();
  }
}

/** The cell styles (by index, the `s` of a cell) whose number format is a date or time. */
async function readDateStyles(zip: Zip, part: string, limits: ImportLimits): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!zip.has(part)) return dates;
  const customDate = new Map<number, boolean>();
  let inCellXfs = false;
  let xf = 0;
  await readPart(zip, part, limits, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId && a.formatCode !== undefined) customDate.set(Number(a.numFmtId), isDateFormat(a.formatCode));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

/** The shared-string table, within its limits: count, characters in all, characters in one. */
async function readSharedStrings(zip: Zip, part: string, limits: ImportLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!zip.has(part)) return strings;
  let total = 0;
  let current: string[] | null = null;
  let length = 0;
  let inT = false;
  let phonetic = 0;
  await readPart(zip, part, limits, {
    open(name) {
      if (name === "si") {
        if (strings.length >= limits.maxSharedStrings) throw new SheetLimitError("sharedStrings", limits.maxSharedStrings);
        current = [];
        length = 0;
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && current && !phonetic) inT = true;
    },
    text(text) {
      if (!inT || !current) return;
      length += text.length;
      total += text.length;
      if (length > limits.maxCellChars) throw new SheetLimitError("sharedCell", limits.maxCellChars);
      if (total > limits.maxSharedChars) throw new SheetLimitError("sharedChars", limits.maxSharedChars);
      current.push(text);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(current.join("").trim());
        current = null;
      }
    },
  });
  return strings;
}

type SheetContext = { shared: string[]; dateStyles: Set<number>; date1904: boolean };

async function* worksheetRows(zip: Zip, part: string, limits: ImportLimits, ctx: SheetContext, onBytes: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const done: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let lastCol = 0;
  let width = 0;
  // The cell being read.
  let inCell = false;
  let col = 0;
  let type = "n";
  let style = 0;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let inV = false;
  let inT = false;
  let phonetic = 0;
  let cellChars = 0;

  const collect = (text: string, into: string[]) => {
    cellChars += text.length;
    if (cellChars > limits.maxCellChars) throw new SheetLimitError("cell", limits.maxCellChars, rowNumber);
    into.push(text);
  };

  const cellValue = (): string | null => {
    const v = value?.join("") ?? null;
    switch (type) {
      case "s": {
        if (v === null) return null;
        return ctx.shared[Number.parseInt(v, 10)] ?? "";
      }
      case "inlineStr":
        return inline ? inline.join("").trim() : v === null ? null : v.trim();
      case "str":
        return v === null ? null : v.trim();
      case "b":
        return v === null ? null : v.trim() === "1" || v.trim() === "true" ? "true" : "false";
      case "e":
        return v === null ? null : "";
      case "d": {
        if (v === null) return null;
        const d = new Date(v.trim());
        return Number.isNaN(d.getTime()) ? v.trim() : d.toISOString().slice(0, 10);
      }
      default: {
        if (v === null || v.trim() === "") return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v.trim();
        return ctx.dateStyles.has(style) ? serialDate(n, ctx.date1904) : numberText(n);
      }
    }
  };

  const parse = parsePart(
    zip,
    part,
    limits,
    {
      open(name, a) {
        if (name === "row") {
          const r = a.r === undefined ? NaN : Number.parseInt(a.r, 10);
          rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
          if (rowNumber > MAX_ROW_NUMBER) throw new SheetUnreadableError(`row ${rowNumber} past Excel's last`);
          cells = [];
          lastCol = 0;
          width = 0;
        } else if (name === "c") {
          inCell = true;
          col = (a.r !== undefined ? columnOf(a.r) : null) ?? lastCol + 1;
          lastCol = col;
          type = a.t ?? "n";
          style = a.s === undefined ? 0 : Number.parseInt(a.s, 10);
          value = null;
          inline = null;
          cellChars = 0;
        } else if (!inCell) return;
        else if (name === "v") {
          inV = true;
          value ??= [];
        } else if (name === "is") inline = [];
        else if (name === "rPh") phonetic++;
        else if (name === "t" && inline && !phonetic) inT = true;
      },
      text(text) {
        if (inV && value) collect(text, value);
        else if (inT && inline) collect(text, inline);
      },
      close(name) {
        if (name === "v") inV = false;
        else if (name === "t") inT = false;
        else if (name === "rPh") phonetic--;
        else if (name === "c") {
          inCell = false;
          const text = cellValue();
          if (text === null) return;
          if (col > limits.maxColumns) throw new SheetLimitError("columns", limits.maxColumns, rowNumber);
          if (text.length > limits.maxCellChars) throw new SheetLimitError("cell", limits.maxCellChars, rowNumber);
          while (width < col - 1) cells[width++] = "";
          cells[col - 1] = text;
          width = Math.max(width, col);
        } else if (name === "row") {
          if (width) done.push({ number: rowNumber, cells });
          cells = [];
        }
      },
    },
    { row: () => rowNumber, onCompressed: (offset, read) => onBytes(offset + read) },
  );
  for await (const _ of parse) {
    while (done.length) yield done.shift()!;
  }
  while (done.length) yield done.shift()!;
}
