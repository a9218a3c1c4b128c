import { parseCsv } from '../analytics/index';
import type { LabColumns } from './lab-core';

// Reading a transactions file's layout for the Analytics Lab: which columns hold the customer, the date and the
// amount (English or Chinese names), the header row, and the CDNOW sample's own format.

/** Header names recognised for each role, compared after lower-casing and removing spaces, _ and -. */
const ALIASES: Record<keyof LabColumns, string[]> = {
  id: ['customerid', 'customer', 'cust', 'custid', 'clientid', 'client', 'memberid', 'member', 'userid', 'user', 'buyer', 'buyerid', 'id', 'masterid', '客户编号', '客户id', '客户', '客户号', '客户代码', '会员编号', '会员id', '会员号', '会员', '顾客编号', '顾客id', '顾客', '用户id', '用户编号', '用户', '买家', '编号'],
  date: ['date', 'day', 'orderdate', 'purchasedate', 'transactiondate', 'txdate', 'saledate', 'invoicedate', 'time', 'datetime', 'timestamp', '日期', '交易日期', '购买日期', '消费日期', '下单日期', '订单日期', '销售日期', '时间', '交易时间', '购买时间'],
  amount: ['amount', 'spend', 'value', 'revenue', 'sales', 'total', 'price', 'dollars', 'money', 'sum', 'payment', 'monetary', '金额', '消费金额', '交易金额', '购买金额', '订单金额', '销售额', '实付金额', '支付金额', '消费额', '总额', '价格'],
};

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-()（）]/g, '');

/**
 * Picks the id, date and amount columns from a header: exact matches of known names (English and Chinese)
 * first, then names that contain one, then the first unused columns in order. Null when there are fewer than
 * three columns.
 */
export function detectColumns(header: readonly string[]): LabColumns | null {
  const names = header.map((x) => x.trim());
  if (names.length < 3) return null;
  const used = new Set<number>();
  const found: Partial<Record<keyof LabColumns, number>> = {};
  const roles: (keyof LabColumns)[] = ['id', 'date', 'amount'];
  for (const pass of ['exact', 'contains'] as const) {
    for (const role of roles) {
      if (found[role] !== undefined) continue;
      for (const alias of ALIASES[role]) {
        const k = names.findIndex((n, i) => !used.has(i) && (pass === 'exact' ? norm(n) === alias : alias.length >= 2 && norm(n).includes(alias)));
        if (k >= 0) {
          found[role] = k;
          used.add(k);
          break;
        }
      }
    }
  }
  for (const role of roles) {
    if (found[role] !== undefined) continue;
    const k = names.findIndex((_, i) => !used.has(i));
    found[role] = k;
    used.add(k);
  }
  return { id: names[found.id!], date: names[found.date!], amount: names[found.amount!] };
}

/** The header of a CSV text (its first non-blank record), names trimmed; empty when there is none. */
export function readHeader(text: string): string[] {
  const cut = text.search(/\r\n|\n|\r/);
  const first = parseCsv(cut >= 0 ? text.slice(0, cut) : text);
  const row = first.rows[0] ?? parseCsv(text.slice(0, 1 << 16)).rows[0];
  return row ? row.fields.map((x) => x.trim()) : [];
}

/** Converts the CDNOW sample (whitespace-separated `master_id sample_id yyyymmdd n_cds dollars`) to a CSV. */
export function cdnowToCsv(text: string): string {
  const out = ['customer_id,date,amount'];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    out.push(`${f[0]},${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6, 8)},${f[4]}`);
  }
  return out.join('\n') + '\n';
}
