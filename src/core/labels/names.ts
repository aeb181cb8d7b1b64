/**
 * GitHub treats label names case-insensitively; people also type them with stray spaces or
 * in another Unicode form. Two names with the same key are the same label.
 */
export function labelKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
