// Chinese wording of the English load messages (issues.ts issueMessage, load.ts loadText, migrate.ts), matched by
// pattern on the English text: issues.ts stays the single source of the English wording. A message no pattern
// knows is returned in English, so nothing is ever lost; tests pin the patterns to issues.ts output.

const TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  'a whole number': '整数',
  integer: '整数',
  object: '对象（“字段: 值”的组合）',
  array: '列表',
  boolean: 'true 或 false',
  nonoptional: '一个值',
};

const CUSTOM: Record<string, string> = {
  'a lower-case id like "students"': '小写字母开头、只含小写字母、数字和连字符的 id，例如 "students"',
  'a lower-case id like "bubble-tea"': '只含小写字母、数字和连字符的 id，例如 "bubble-tea"',
};

/** The yaml library's most common syntax errors, as a teacher would meet them. */
const YAML_ERRORS: [RegExp, string][] = [
  [/^Map keys must be unique/, '同一层里有重复的字段名'],
  [/^Tabs are not allowed as indentation/, '缩进不能用 Tab，请改用空格'],
  [/^Nested mappings are not allowed in compact mappings/, '一行里不能再嵌套“字段: 值”，请检查缩进和冒号'],
  [/^Implicit keys need to be on a single line/, '字段名必须写在一行内，请检查冒号和缩进'],
  [/^Implicit map keys need to be followed by map values/, '字段名后面缺少冒号或值'],
  [/^All mapping items must start at the same column/, '同一层的字段必须对齐（缩进相同）'],
  [/^All collection items must start at the same column/, '同一列表的各项必须对齐（缩进相同）'],
  [/^Missing closing "quote/, '双引号没有闭合'],
  [/^Missing closing 'quote/, '单引号没有闭合'],
  [/^Comments must be separated from other tokens by white space characters/, '注释符号 # 前面要有空格'],
  [/^A block sequence may not be used as an implicit map key/, '列表不能当作字段名，请检查缩进'],
  [/^Unexpected (flow-seq-end|flow-map-end|scalar|end of input)/, '括号或引号不配对，或者多了字符'],
  [/^Expected a flow (sequence|map) to end with/, '缺少右括号'],
  [/^Flow (sequence|map) in block collection must be sufficiently indented and end with a/, '方括号/花括号内容缩进不够或没有闭合'],
  [/^Source contains control characters/, '文件含有控制字符'],
  [/^Maximum call stack size exceeded/, '嵌套层数太多'],
];

function yamlErrorZh(detail: string): string {
  for (const [re, zh] of YAML_ERRORS) if (re.test(detail)) return `${zh}（${detail}）`;
  return detail;
}

/** The "found …" part of a message, in Chinese. */
export function foundZh(found: string): string {
  if (found === 'nothing') return '缺少此项';
  if (found === 'null') return '空值 null';
  if (found === 'an object') return '一个对象';
  const list = /^a list of (\d+)$/.exec(found);
  if (list) return `含 ${list[1]} 项的列表`;
  if (found === 'binary data') return '二进制数据';
  if (found === 'an empty file') return '空文件';
  return found;
}

const CMP: Record<string, string> = { '≥': '不小于', '>': '大于', '≤': '不大于', '<': '小于' };

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^expected at least (\S+) (items|characters), found (.*)$/s, (m) => `应至少有 ${m[1]} ${m[2] === 'items' ? '项' : '个字符'}，实际为 ${foundZh(m[3])}`],
  [/^expected at most (\S+) (items|characters), found (.*)$/s, (m) => `应最多有 ${m[1]} ${m[2] === 'items' ? '项' : '个字符'}，实际为 ${foundZh(m[3])}`],
  [/^expected a number (≥|>|≤|<) (\S+), found (.*)$/s, (m) => `应为${CMP[m[1]]} ${m[2]} 的数，实际为 ${foundZh(m[3])}`],
  [/^expected a multiple of (\S+), found (.*)$/s, (m) => `应为 ${m[1]} 的倍数，实际为 ${foundZh(m[2])}`],
  [/^expected one of (.*), found (.*)$/s, (m) => `应为以下之一：${m[1]}，实际为 ${foundZh(m[2])}`],
  [/^unknown field "([^"]*)" \(did you mean "([^"]*)"\?\)$/s, (m) => `未知字段 "${m[1]}"（是不是想写 "${m[2]}"？）`],
  [/^unknown field "([^"]*)"$/s, (m) => `未知字段 "${m[1]}"`],
  [/^(\d+) more unknown fields$/s, (m) => `另有 ${m[1]} 个未知字段`],
  [/^file too large: (\d+) characters, the limit is (\d+)$/s, (m) => `文件太大：${m[1]} 个字符，上限是 ${m[2]} 个字符`],
  [/^expected a text file \(YAML or JSON\), found binary data$/s, () => '应为文本文件（YAML 或 JSON），实际为二进制数据'],
  [/^expected YAML or JSON content, found an empty file$/s, () => '应有 YAML 或 JSON 内容，实际为空文件'],
  [/^expected YAML or JSON[:,] (.*)$/s, (m) => `YAML/JSON 格式错误：${yamlErrorZh(m[1])}`],
  [/^refused: (.*)$/s, (m) => `拒绝读取：${m[1]}`],
  [/^nesting deeper than (\d+) levels is refused$/s, (m) => `嵌套超过 ${m[1]} 层，拒绝读取`],
  [/^too many keys and list items: more than (\d+) is refused$/s, (m) => `字段和列表项太多：超过 ${m[1]} 个，拒绝读取`],
  // migrate.ts
  [
    /^expected a format version \("version: (\d+)" as the first field\), found nothing; this game reads version \d+: .*$/s,
    (m) => `缺少格式版本号（应写一行 "version: ${m[1]}"）；本游戏读取第 ${m[1]} 版格式：如果文件就是按这一版写的，加上 "version: ${m[1]}" 即可`,
  ],
  [/^expected a format version \(a whole number such as (\d+)\), found (.*)$/s, (m) => `格式版本号应为整数（例如 ${m[1]}），实际为 ${foundZh(m[2])}`],
  [
    /^this file is for format version (\d+); this game reads version (\d+)(?: \(and upgrades versions (\S+)\))?: .*$/s,
    (m) =>
      `这个文件是第 ${m[1]} 版格式；本游戏读取第 ${m[2]} 版${m[3] ? `（可自动升级第 ${m[3]} 版）` : ''}：` +
      `请用更新版本的“客户四季”打开，或向作者索取第 ${m[2]} 版格式的场景文件；见 docs/scenarios.md 的“版本”一节`,
  ],
  [/^cannot upgrade from format version (\d+): (.*)$/s, (m) => `无法从第 ${m[1]} 版格式升级：${m[2]}`],
  // schema.ts: the checks across fields of format version 2 (opens, briefs).
  [/^expected 2 or later in a file that uses (\w+) \(format version 1 has no \w+\), found (.*)$/s, (m) => `使用 ${m[1]} 的文件应写 "version: 2"（第 1 版格式没有 ${m[1]}），实际为 ${foundZh(m[2])}`],
  [/^expected no season for an area not in levers \((.*)\), found (.*)$/s, (m) => `不在 levers（${m[1]}）中的领域不能设开放季度，实际为 ${foundZh(m[2])}`],
  // Last: the generic "expected X, found Y" (types and the schema's own wording).
  [/^expected (.*?), found (.*)$/s, (m) => `应为${TYPES[m[1]] ?? CUSTOM[m[1]] ?? ` ${m[1]}`}，实际为 ${foundZh(m[2])}`],
];

const SUFFIX = ' (after upgrading the file to the current format)';

/** One English load message in Chinese; unknown wording stays English. */
export function messageZh(message: string): string {
  if (message.endsWith(SUFFIX)) return `${messageZh(message.slice(0, -SUFFIX.length))}（文件已升级到当前格式后检查）`;
  // issues.ts joins several unknown fields of one object with "; ".
  if (message.startsWith('unknown field "') && message.includes('; unknown field "')) {
    return message.split('; ').map(messageZh).join('；');
  }
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(m);
  }
  return message;
}
