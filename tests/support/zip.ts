/**
 * Hand-made .xlsx files for the import's tests and bench, including hostile ones: a zip writer
 * (deflate, UTF-8 names, no zip64) whose parts can be huge repeated text deflated as a stream
 * (a zip bomb of a few hundred KB that expands to gigabytes), and can declare a size other than
 * the real one in the zip's directory (a bomb that lies about itself).
 */
import zlib from "node:zlib";

export type ZipPart =
  | { name: string; data: string | Buffer }
  | {
      name: string;
      /** head + body × times + tail, deflated as it is produced. */
      repeat: { head?: string; body: string | ((i: number) => string); times: number; tail?: string };
      /** The uncompressed size written in the zip's headers (the real one when unset). */
      declaredSize?: number;
    };

type Packed = { name: Buffer; data: Buffer; crc: number; size: number; declared: number };

async function pack(part: ZipPart): Promise<Packed> {
  const name = Buffer.from(part.name, "utf8");
  if ("data" in part) {
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, "utf8");
    return { name, data: zlib.deflateRawSync(raw, { level: 9 }), crc: zlib.crc32(raw), size: raw.length, declared: raw.length };
  }
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const b = Buffer.from(text, "utf8");
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once("drain", r));
  };
  const { head = "", body, times, tail = "" } = part.repeat;
  await write(head);
  // Written in pieces of about 1 MB, so a body of a few bytes repeated a billion times is quick.
  if (typeof body === "string") {
    const per = Math.max(1, Math.floor((1 << 20) / Math.max(1, Buffer.byteLength(body))));
    const piece = body.repeat(per);
    let left = times;
    for (; left >= per; left -= per) await write(piece);
    if (left) await write(body.repeat(left));
  } else {
    let batch = "";
    for (let i = 0; i < times; i++) {
      batch += body(i);
      if (batch.length >= 1 << 19) {
        await write(batch);
        batch = "";
      }
    }
    if (batch) await write(batch);
  }
  await write(tail);
  deflate.end();
  await ended;
  return { name, data: Buffer.concat(out), crc, size, declared: part.declaredSize ?? size };
}

/** The parts as a zip file. */
export async function zipOf(parts: ZipPart[]): Promise<Buffer> {
  const packed = await Promise.all(parts.map(pack));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.declared, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, p.name, p.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.declared, 24);
    dir.writeUInt16LE(p.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, p.name);
    offset += local.length + p.name.length + p.data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** A part to repeat, named by where it goes. */
export type RepeatedPart = Omit<Extract<ZipPart, { repeat: unknown }>, "name">;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text for XML. */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The sheet part's wrapping around its rows. */
export const SHEET_HEAD = `${XML}<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
export const SHARED_HEAD = `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
export const SHARED_TAIL = "</sst>";

/**
 * A workbook of one sheet: `sheet` is the worksheet part (the XML, or a part to repeat), with
 * optional shared strings and styles. Everything else a spreadsheet program needs to open it.
 */
export async function xlsxOf(opts: { sheet: string | RepeatedPart; shared?: string | RepeatedPart; styles?: string; date1904?: boolean }): Promise<Buffer> {
  const part = (name: string, content: string | RepeatedPart): ZipPart => (typeof content === "string" ? { name, data: content } : { ...content, name });
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (opts.shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
        (opts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : "") +
        "</Types>",
    },
    { name: "_rels/.rels", data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `${XML}<workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (opts.shared ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
        (opts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : "") +
        "</Relationships>",
    },
  ];
  if (opts.styles) parts.push({ name: "xl/styles.xml", data: opts.styles });
  if (opts.shared) parts.push(part("xl/sharedStrings.xml", opts.shared));
  parts.push(part("xl/worksheets/sheet1.xml", opts.sheet));
  return zipOf(parts);
}

/** A row of inline strings; `r` attributes written unless `positional`. */
export function inlineRow(number: number, cells: string[], positional = false): string {
  const cs = cells.map((c, i) => `<c${positional ? "" : ` r="${columnName(i + 1)}${number}"`} t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join("");
  return `<row${positional ? "" : ` r="${number}"`}>${cs}</row>`;
}

/** 1 → "A", 27 → "AA". */
export function columnName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
