/**
 * The little XML the readers need, over text that may be damaged or hostile: no DTD is read and no entity but the
 * five predefined ones and character references is expanded, so a crafted file cannot expand or reach out.
 */

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
}

// XML 1.0 has no place for control characters but tab, line feed and carriage return: they are dropped.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** A text as XML character data or an attribute value. */
export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(XML_FORBIDDEN, '');

export function unescapeXml(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : codePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
}

const ATTRIBUTE = new Map<string, RegExp>();

/** One attribute of a start tag's text, unescaped; namespace prefixes on the name are ignored. */
export function attr(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE.get(name);
  if (!pattern) ATTRIBUTE.set(name, (pattern = new RegExp(`(?:\\s|^)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

const RUN_TAG = /<(\/?)(?:[\w.-]+:)?(t|rPh)\b[^<>]*?(\/?)>/g;

/**
 * The text of an element's <t> runs (shared strings, inline strings), without phonetic runs (<rPh>), which Excel
 * does not show in the cell. One pass over the tags, whatever is missing.
 */
export function runText(xml: string): string {
  if (xml.indexOf('rPh') === -1) {
    const simple = /^<(?:[\w.-]+:)?t(?:\s[^<>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/.exec(xml);
    if (simple) return unescapeXml(simple[1]);
  }
  let text = '';
  let phonetic = 0;
  let from = -1;
  RUN_TAG.lastIndex = 0;
  for (let m = RUN_TAG.exec(xml); m; m = RUN_TAG.exec(xml)) {
    const [, closing, name, empty] = m;
    if (name === 'rPh') phonetic = Math.max(0, phonetic + (closing ? -1 : empty ? 0 : 1));
    else if (closing) {
      if (from !== -1 && !phonetic) text += xml.slice(from, m.index);
      from = -1;
    } else from = empty ? -1 : RUN_TAG.lastIndex;
  }
  return unescapeXml(text);
}

/** Decodes a part's bytes: UTF-8, or UTF-16 where a byte-order mark says so. */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes);
}

const END_TAG = new Map<string, RegExp>();

/**
 * Whether a part ends with its root's end tag (any prefix, whitespace after it aside): a truncated part does not. Only
 * the tail is read: a pattern anchored at the end would be tried at every position of a sheet's text.
 */
export function endsWithEndTag(xml: string, name: string): boolean {
  let pattern = END_TAG.get(name);
  if (!pattern) END_TAG.set(name, (pattern = new RegExp(`^</(?:[\\w.-]+:)?${name}>$`)));
  const text = xml.trimEnd();
  return pattern.test(text.slice(text.lastIndexOf('</')));
}
