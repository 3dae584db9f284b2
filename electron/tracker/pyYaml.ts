import { Document, type Scalar, type ScalarTag } from 'yaml';

/**
 * YAML that PyYAML's `safe_load` (YAML 1.1) reads back to the same values, in the block style of
 * `yaml.dump(default_flow_style=False, sort_keys=False, allow_unicode=True)` (§4.2). The `yaml`
 * package lays out maps and lists; strings and floats are written here, because YAML 1.1 reads
 * many plain scalars (timestamps, `yes`, `0755`, `1:20`, `=`) as other types.
 */

/** A number PyYAML must read as a float even when it is integral (`0.0`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

// PyYAML's implicit resolvers (yaml/resolver.py), then the YAML 1.2 core schema's numbers (readers
// use it, §4.2): a plain scalar matching one is not read as a string.
const RESOLVED_AS_NON_STRING = [
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+)$/,
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<|=|~|null|Null|NULL|!|&|\*)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
];

// Characters PyYAML accepts unescaped (reader.py NON_PRINTABLE), minus line breaks and the BOM.
const PRINTABLE = /^[\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/u;
const UNSAFE_IN_PLAIN = /: |:$| #| $|^[-?:,[\]{}#&*!|>'"%@`\s]/;
const PLAIN_CHARS = /^[\p{L}\p{N}\p{M} _./()+,:;=~'"!?@$%^&*<>|[\]{}#\\-]+$/u;

export function yamlString(s: string): string {
  if (s === '') return "''";
  if (!PRINTABLE.test(s)) return doubleQuoted(s);
  const plain =
    PLAIN_CHARS.test(s) && !UNSAFE_IN_PLAIN.test(s) && !RESOLVED_AS_NON_STRING.some((r) => r.test(s));
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}

/** JSON escapes are YAML double-quoted escapes; also escape what PyYAML will not read raw. */
function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python's `repr(float)` as PyYAML writes it (`0.0`, `0.02`, `1.0e-07`, `.inf`). */
export function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  return s.includes('.') || !s.includes('e') ? s : s.replace('e', '.0e');
}

const stringTag: ScalarTag = {
  identify: (v) => typeof v === 'string',
  default: true,
  tag: 'tag:yaml.org,2002:str',
  resolve: (s) => s,
  stringify: (item) => yamlString(String((item as Scalar).value)),
};

const numberTag: ScalarTag = {
  identify: (v) => v instanceof PyFloat || typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  // Never used to parse; present so this tag wins over the schema's own number tags.
  test: /(?!)/,
  resolve: (s) => Number(s),
  stringify: (item) => {
    const v = (item as Scalar).value;
    if (v instanceof PyFloat) return yamlFloat(v.value);
    const n = Number(v);
    return Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : yamlFloat(n);
  },
};

/** Block-style YAML: 2-space indent, lists not indented under their key, no `---`, trailing `\n`. */
export function toPyYaml(value: unknown): string {
  const doc = new Document(value, {
    customTags: (tags) => [stringTag, numberTag, ...tags],
    aliasDuplicateObjects: false,
  });
  return doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, nullStr: 'null' });
}
