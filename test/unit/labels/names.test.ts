import { describe, expect, it } from 'vitest';
import { isEmojiOnly, labelKey, normalizeColor } from '../../../src/labels/decide/names.js';

describe('labelKey', () => {
  it('ignores case', () => {
    expect(labelKey('Bug')).toBe(labelKey('bug'));
    expect(labelKey('NEEDS TRIAGE')).toBe('needs triage');
  });

  it('ignores surrounding spaces and collapses inner runs of whitespace', () => {
    expect(labelKey('  needs \t  triage ')).toBe('needs triage');
  });

  it('treats composed and decomposed accents as the same name (NFC)', () => {
    expect(labelKey('re\u0301gression')).toBe(labelKey('r\u00e9gression'));
  });

  it('makes a :shortcode:, its emoji and the emoji with a variation selector one label', () => {
    const key = labelKey('🐛 bug');
    expect(labelKey(':bug: bug')).toBe(key);
    expect(labelKey('🐛\uFE0F Bug')).toBe(key);
    expect(labelKey(':BUG: Bug')).toBe(key);
  });

  it('drops the variation selector that some shortcodes map to (:heart: is ❤️)', () => {
    expect(labelKey(':heart: love')).toBe(labelKey('\u2764 love'));
    expect(labelKey(':heart: love')).toBe(labelKey('\u2764\uFE0F love'));
  });

  it('leaves unknown shortcodes as text', () => {
    expect(labelKey(':not-an-emoji: x')).toBe(':not-an-emoji: x');
    expect(labelKey(':not-an-emoji: x')).not.toBe(labelKey('x'));
  });

  it('lets the closing colon of an unknown shortcode open a known one', () => {
    expect(labelKey('size:bug:')).toBe('size🐛');
    expect(labelKey(':size:bug:')).toBe(':size🐛');
  });

  it('keeps names that differ in more than spelling apart', () => {
    expect(labelKey('bug')).not.toBe(labelKey('bugs'));
    expect(labelKey('area/api')).not.toBe(labelKey('area api'));
  });
});

describe('isEmojiOnly', () => {
  it('is true for names made only of native emoji, spaces ignored', () => {
    expect(isEmojiOnly('🐛')).toBe(true);
    expect(isEmojiOnly(' 🐛 🔥 ')).toBe(true);
  });

  it('counts skin tones, ZWJ sequences, flags and keycaps as emoji', () => {
    expect(isEmojiOnly('👍🏽')).toBe(true);
    expect(isEmojiOnly('👩\u200D💻')).toBe(true);
    expect(isEmojiOnly('🇫🇷')).toBe(true);
    expect(isEmojiOnly('1\uFE0F\u20E3')).toBe(true);
  });

  it('is false once there is text', () => {
    expect(isEmojiOnly('🐛 bug')).toBe(false);
    expect(isEmojiOnly('P1')).toBe(false);
  });

  it('is false for a :shortcode: written as text (GitHub stores it as text)', () => {
    expect(isEmojiOnly(':bug:')).toBe(false);
  });

  it('is false for digits and symbols that are only emoji in a keycap', () => {
    expect(isEmojiOnly('1')).toBe(false);
    expect(isEmojiOnly('#')).toBe(false);
  });

  it('is false for an empty name', () => {
    expect(isEmojiOnly('')).toBe(false);
    expect(isEmojiOnly('   ')).toBe(false);
  });
});

describe('normalizeColor', () => {
  it('lower-cases six hex digits', () => {
    expect(normalizeColor('D73A4A')).toBe('d73a4a');
  });

  it("accepts and drops one leading '#'", () => {
    expect(normalizeColor('#b60205')).toBe('b60205');
  });

  it('refuses everything else', () => {
    for (const value of ['fff', '#fff', '12345g', '##123456', ' d73a4a', '1234567', 'red', ''])
      expect(normalizeColor(value), value).toBeNull();
  });
});
