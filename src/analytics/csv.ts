// Small CSV reader/writer: RFC 4180 quoting, UTF-8 BOM, CRLF/LF/CR line ends.

export interface CsvError {
  /** 1-based line of the input. */
  line: number;
  /** 1-based character column for syntax errors, or the column name for a bad value. */
  column: number | string;
  message: string;
}

export interface CsvRow {
  /** Line on which the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvError[];
}

/**
 * Parses CSV text. Blank lines are skipped. A quote inside an unquoted field is kept as a literal character
 * (common in hand-made files); text after a closing quote and an unterminated quote are errors.
 */
export function parseCsv(text: string, delimiter = ','): CsvParseResult {
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let col = 1;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    let rowDone = false;
    let blank = true;
    while (!rowDone) {
      let field = '';
      if (text[i] === '"') {
        blank = false;
        const openLine = line;
        const openCol = col;
        i++;
        col++;
        let closed = false;
        while (i < n) {
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              col += 2;
              continue;
            }
            i++;
            col++;
            closed = true;
            break;
          }
          if (ch === '\r' || ch === '\n') {
            const crlf = ch === '\r' && text[i + 1] === '\n';
            field += crlf ? '\r\n' : ch;
            i += crlf ? 2 : 1;
            line++;
            col = 1;
            continue;
          }
          field += ch;
          i++;
          col++;
        }
        if (!closed) {
          errors.push({ line: openLine, column: openCol, message: 'quoted field is never closed' });
          return { rows, errors };
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          errors.push({ line, column: col, message: `expected "${delimiter}" or end of line after a closing quote, found "${text[i]}"` });
          while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
            i++;
            col++;
          }
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') i++;
        field = text.slice(start, i);
        col += i - start;
        if (field.trim().length > 0) blank = false;
      }
      fields.push(field);
      if (i < n && text[i] === delimiter) {
        blank = false;
        i++;
        col++;
        continue;
      }
      // End of record: a line break or the end of the text.
      if (i < n) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        col = 1;
      }
      rowDone = true;
    }
    if (!blank) rows.push({ line: rowLine, fields });
  }
  return { rows, errors };
}

export interface CsvRecord {
  line: number;
  /** Values by header name. */
  values: Record<string, string>;
}

/**
 * Header-based reading: the first row names the columns (names are trimmed); the required columns must all be
 * present. Rows with a different number of fields than the header are errors.
 */
export function readCsvRecords(text: string, required: readonly string[] = []): { records: CsvRecord[]; errors: CsvError[] } {
  const { rows, errors } = parseCsv(text);
  if (errors.length > 0) return { records: [], errors };
  if (rows.length === 0) return { records: [], errors: [{ line: 1, column: 1, message: 'expected a header row, found an empty file' }] };
  const header = rows[0].fields.map((h) => h.trim());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return {
      records: [],
      errors: [{ line: rows[0].line, column: 1, message: `expected column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} in the header, found ${header.map((h) => `"${h}"`).join(', ')}` }],
    };
  }
  const records: CsvRecord[] = [];
  const out: CsvError[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.length) {
      out.push({ line: row.line, column: 1, message: `expected ${header.length} fields, found ${row.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = row.fields[k];
    });
    records.push({ line: row.line, values });
  }
  return { records, errors: out };
}

/** "file:line column: message" for a syntax error, "file:line: column "name": message" for a bad value. */
export function formatCsvError(file: string, e: CsvError): string {
  return typeof e.column === 'string' ? `${file}:${e.line}: column "${e.column}": ${e.message}` : `${file}:${e.line} column ${e.column}: ${e.message}`;
}

/** A number as text ("-12.5", "3e5"): a spreadsheet reads it as the number, never as a formula. */
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The one guard against formula injection, applied to every text cell writeCsv writes: text that starts with
 * "=", "+", "-" or "@" (or their full-width forms, which Chinese input methods type), possibly after spaces,
 * tabs or line breaks, would run as a formula in Excel, WPS or LibreOffice (=HYPERLINK(…), @SUM(…), +1+2,
 * "\t=5"). It is written with a leading apostrophe, which the spreadsheet shows as text. Plain numbers are not
 * formulas and stay as they are.
 */
export function spreadsheetText(s: string): string {
  return /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

function quote(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : spreadsheetText(value);
  return /["\r\n]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text with a UTF-8 BOM and CRLF line ends, which Excel and WPS open as UTF-8 without asking. Every text cell
 * goes through spreadsheetText, so no CSV the project writes can carry a formula.
 */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[], delimiter = ','): string {
  return '\uFEFF' + rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter) + '\r\n').join('');
}
