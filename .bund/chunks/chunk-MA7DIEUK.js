// dist/src/internal/service-pattern.js
var ASCII_SPACE = " \\t\\n\\x0B\\f\\r";
var NOT_ASCII_SPACE = "\\x00-\\x08\\x0E-\\x1F\\x21-\\uFFFF";
var JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";
var SAME_ESCAPES = /* @__PURE__ */ new Set(["d", "D", "w", "W", ".", "-", "/", "\\", "[", "]", "(", ")", "{", "}", "?", "*", "+", "|", "^", "$", ":"]);
function translateServicePattern(pattern) {
  let out = "";
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === "\\") {
      const next = pattern[index + 1];
      index += 1;
      if (next === "s")
        out += inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
      else if (next === "S")
        out += inClass ? NOT_ASCII_SPACE : `[^${ASCII_SPACE}]`;
      else if (next !== void 0 && SAME_ESCAPES.has(next))
        out += `\\${next}`;
      else
        throw new Error(`Unsupported escape \\${next ?? ""} in service-model pattern ${pattern}`);
      continue;
    }
    if (inClass) {
      if (char === "[")
        throw new Error(`Nested character class in service-model pattern ${pattern}`);
      if (char === "]")
        inClass = false;
      out += char;
      continue;
    }
    if (char === "[") {
      inClass = true;
      out += char;
      if (pattern[index + 1] === "^")
        out += pattern[++index];
      continue;
    }
    out += char === "." ? JAVA_DOT : char;
  }
  if (inClass)
    throw new Error(`Unterminated character class in service-model pattern ${pattern}`);
  return out;
}
var cache = /* @__PURE__ */ new Map();
function serviceModelRegExp(pattern) {
  let regExp = cache.get(pattern);
  if (regExp === void 0) {
    regExp = new RegExp(`^(?:${translateServicePattern(pattern)})$`);
    cache.set(pattern, regExp);
  }
  return regExp;
}
function serviceStringLength(value) {
  if (!/[\uD800-\uDFFF]/.test(value))
    return value.length;
  let length = 0;
  for (const _ of value)
    length += 1;
  return length;
}

export {
  serviceModelRegExp,
  serviceStringLength
};
