/**
 * Bidi isolation for values placed into text. The Unicode bidi algorithm reorders a number
 * that sits between right-to-left words ("555-0100" drawn as "0100-555" inside Arabic), so
 * every value that a template or a UI string places into text goes through `isolateValue`.
 *
 * - In right-to-left text every value is isolated: phone numbers and numbers with LRI…PDI
 *   (always drawn left to right, as typed), everything else with FSI…PDI (its own first
 *   strong character decides, so an Arabic date stays Arabic and "T12" stays "T12").
 * - In left-to-right text only a value holding right-to-left letters is isolated (FSI…PDI),
 *   so an Arabic place name inside English cannot pull the English words around.
 */
export const LRI = '\u2066';
export const FSI = '\u2068';
export const PDI = '\u2069';

export type TextDirection = 'ltr' | 'rtl';
/** How a value must be drawn: `ltr` always left to right (phone numbers), `auto` by its own letters. */
export type ValueDirection = 'ltr' | 'auto';

const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const isolates = /[\u2066-\u2069]/gu;

export function isolateValue(value: string, textDirection: TextDirection, valueDirection: ValueDirection = 'auto'): string {
  // A value never carries its own isolates or embeddings into the text.
  const clean = value.replace(isolates, '');
  if (clean === '') return clean;
  if (textDirection === 'rtl') return `${valueDirection === 'ltr' ? LRI : FSI}${clean}${PDI}`;
  return rtlLetter.test(clean) ? `${FSI}${clean}${PDI}` : clean;
}

/** The text without isolation marks (for searching, speech and comparisons). */
export function withoutIsolates(text: string): string {
  return text.replace(isolates, '');
}
