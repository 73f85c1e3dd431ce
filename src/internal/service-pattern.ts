/**
 * The `pattern` traits of AWS's service models, as JavaScript regular expressions with the service's semantics.
 *
 * AWS validates patterns on the server with Java's `java.util.regex`, matching the whole value (a pattern that
 * only matches part of a value is a failure: `anthropic.claude-v2:1:200k` was refused as a model ID by a pattern
 * that matches its prefix). Java and JavaScript read most syntax alike; they differ where it matters here:
 *
 * - `\s` is ASCII whitespace in Java (`[ \t\n\x0B\f\r]`); JavaScript's `\s` also matches U+00A0, U+2003, U+3000,
 *   U+FEFF and the other Unicode spaces, which the service refuses. `\S` is the complement of the ASCII set.
 * - `.` excludes Java's line terminators: `\n`, `\r`, U+0085, U+2028 and U+2029.
 *
 * Anything else outside the syntax the Bedrock models use (classes, ranges, groups, `{m,n}`, `?`, `*`, `+`, `|`,
 * `^`/`$`, the escapes `\d \w \. \- \/ \\ \s \S`) is refused, so a new pattern cannot be translated silently wrong.
 * Use {@link serviceModelRegExp}; never write such a pattern by hand with JavaScript's `\s`.
 */

const ASCII_SPACE = ' \\t\\n\\x0B\\f\\r';
/** Every UTF-16 code unit except the ASCII whitespace above (the body of a class). */
const NOT_ASCII_SPACE = '\\x00-\\x08\\x0E-\\x1F\\x21-\\uFFFF';
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
/** Escapes that mean the same in Java and in JavaScript (without the `u` flag). */
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', '.', '-', '/', '\\', '[', ']', '(', ')', '{', '}', '?', '*', '+', '|', '^', '$', ':']);

/** Translates a service-model pattern to the body of a JavaScript regular expression (not anchored). */
export function translateServicePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\') {
      const next = pattern[index + 1];
      index += 1;
      if (next === 's') out += inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
      else if (next === 'S') out += inClass ? NOT_ASCII_SPACE : `[^${ASCII_SPACE}]`;
      else if (next !== undefined && SAME_ESCAPES.has(next)) out += `\\${next}`;
      else throw new Error(`Unsupported escape \\${next ?? ''} in service-model pattern ${pattern}`);
      continue;
    }
    if (inClass) {
      if (char === '[') throw new Error(`Nested character class in service-model pattern ${pattern}`);
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A leading `]` or `^]` is literal in both dialects; copy it so it does not close the class.
      if (pattern[index + 1] === '^') out += pattern[++index];
      continue;
    }
    out += char === '.' ? JAVA_DOT : char;
  }
  if (inClass) throw new Error(`Unterminated character class in service-model pattern ${pattern}`);
  return out;
}

const cache = new Map<string, RegExp>();

/** A RegExp that matches exactly the whole values the service's `pattern` accepts. */
export function serviceModelRegExp(pattern: string): RegExp {
  let regExp = cache.get(pattern);
  if (regExp === undefined) {
    regExp = new RegExp(`^(?:${translateServicePattern(pattern)})$`);
    cache.set(pattern, regExp);
  }
  return regExp;
}

/** The length the service measures for `min`/`max` on a string: Unicode code points (Smithy's `@length`). */
export function serviceStringLength(value: string): number {
  if (!/[\uD800-\uDFFF]/.test(value)) return value.length;
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}
