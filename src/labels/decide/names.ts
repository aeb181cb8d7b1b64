import { gemoji } from 'gemoji';

/** U+FE0F VARIATION SELECTOR-16: asks for the emoji presentation; "🐛" and "🐛️" are the same emoji. */
const EMOJI_VARIATION_SELECTOR = /\uFE0F/gu;
const WHITESPACE_RUN = /\s+/gu;
/** A candidate `:shortcode:`; gemoji names are lower-case ASCII letters, digits, `_`, `+` and `-`. */
const SHORTCODE = /:([a-z0-9_+-]+):/gu;

let shortcodes: ReadonlyMap<string, string> | undefined;

/** GitHub's shortcode table (gemoji), built on first use and kept. */
function shortcodeMap(): ReadonlyMap<string, string> {
  if (!shortcodes) {
    const map = new Map<string, string>();
    for (const entry of gemoji) {
      for (const name of entry.names) map.set(name, entry.emoji);
    }
    shortcodes = map;
  }
  return shortcodes;
}

/**
 * Replaces every known `:shortcode:` by its emoji. Scans left to right; when `:foo:` is not a
 * known shortcode its closing colon may still open the next one, as in `:foo:bug:`.
 */
function replaceShortcodes(text: string): string {
  if (!text.includes(':')) return text;
  const map = shortcodeMap();
  const pattern = new RegExp(SHORTCODE);
  let out = '';
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const emoji = map.get(match[1] ?? '');
    if (emoji === undefined) {
      // Retry from the closing colon: it may open a real shortcode.
      pattern.lastIndex = match.index + match[0].length - 1;
      continue;
    }
    out += text.slice(from, match.index) + emoji;
    from = match.index + match[0].length;
  }
  return out + text.slice(from);
}

/**
 * The identity of a label name. GitHub treats label names case-insensitively; people also type
 * them with stray or doubled spaces, in another Unicode form, or as `:shortcode:` instead of the
 * emoji. Two names with the same key are the same label: "🐛 bug", ":bug: bug", "🐛️ Bug" and
 * " 🐛  BUG " all share one key.
 *
 * Steps: Unicode NFC, lower case, known GitHub shortcodes → emoji, variation selectors
 * (U+FE0F) dropped, inner whitespace runs collapsed to one space, trimmed.
 */
export function labelKey(name: string): string {
  const lower = name.normalize('NFC').toLowerCase();
  return replaceShortcodes(lower)
    .replace(EMOJI_VARIATION_SELECTOR, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim()
    .normalize('NFC');
}

/** Keycap sequences such as 1️⃣ and #️⃣: a plain digit is text, a keycap is an emoji. */
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
/** Code points that only ever occur as (parts of) native emoji. */
const EMOJI_PART =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{E0020}-\u{E007F}]|\u200D|\uFE0E|\uFE0F/gu;

/**
 * True when the name, ignoring whitespace, is made only of native emoji. GitHub refuses such a
 * name with 422 "name must contain more than native emoji". A `:bug:` shortcode written as text
 * is not emoji-only: GitHub stores it as text. An empty name is not emoji-only either (it is
 * refused for another reason).
 */
export function isEmojiOnly(name: string): boolean {
  const compact = name.normalize('NFC').replace(WHITESPACE_RUN, '');
  if (compact === '') return false;
  return compact.replace(KEYCAP, '').replace(EMOJI_PART, '') === '';
}

const HEX_COLOR = /^#?([0-9a-fA-F]{6})$/u;

/**
 * A GitHub label colour: six hex digits, optionally written with a leading '#'. Returns them in
 * lower case without '#', or null when the value is anything else (3-digit shorthand, names,
 * surrounding spaces).
 */
export function normalizeColor(value: string): string | null {
  const match = HEX_COLOR.exec(value);
  return match?.[1] ? match[1].toLowerCase() : null;
}
