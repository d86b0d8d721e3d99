// Letters from other scripts that look like Latin letters when printed, so a
// real name written with one of them ("Рenhallow" with a Cyrillic Р) still
// reads as the name. The anonymity guard matches names on this "skeleton"
// (shared/domain/name-matching.ts), not only on case and accents.
//
// Where it comes from: a compact, hand-checked subset of the Unicode
// confusables data (Unicode Technical Standard #39, "Unicode Security
// Mechanisms", confusables.txt), keeping only the entries whose target is a
// plain Latin letter and whose source is a letter a person could type or
// paste into a recommendation: Cyrillic, Greek, Armenian, Cherokee and a few
// Latin and IPA variants. The app has no internet access at run time and
// the full table is some 6,000 lines, most of them symbols no name uses.
//
// What it does not hold, because normalisation does it first: full-width
// letters (Ｐ), mathematical letters (𝐏, 𝔓, 𝒫), circled and other
// compatibility forms (Ⓟ), ligatures (ﬁ) and Roman numerals (Ⅰ) all become
// plain letters under NFKD, which name-matching applies before this table.
// A mathematical Greek capital (𝚸) becomes Greek under NFKD, then Latin here.
//
// As in TR39, a few plain Latin letters are folded too, where one letter or
// pair is printed like another: capital I, small l, digit 1 and the vertical
// bar are one "l"; digit 0 is "o"; "m" is "rn" and "d" is "cl" (so "Lornax"
// is read as "Lomax"). Text and register are folded the same way, so this
// only ever joins spellings, never splits one.

/** Each look-alike, by the lower-case Latin letters it is read as. */
const LOOK_ALIKES: Record<string, string> = {
  a: 'аАαΑɑ⍺', // Cyrillic а А, Greek α Α, Latin alpha ɑ, APL alpha
  b: 'ВвΒβЬьƅᏴᗷ', // Cyrillic В (and the soft sign Ь, printed like b), Greek Β, Cherokee
  c: 'сСϲϹⅽᏟꮯ', // Cyrillic с С, Greek lunate sigma ϲ Ϲ, Cherokee
  cl: 'ԁԀ', // Cyrillic komi de, printed like d (and d itself is "cl", below)
  e: 'еЕεΕҽꬲ', // Cyrillic е Е, Greek Ε (small epsilon is close enough in many fonts)
  f: 'ϜϝƑƒ', // Greek digamma
  g: 'ɡԌցɢ', // Latin script g, Armenian co
  h: 'һНнΗհᎻᏂ', // Cyrillic һ Н н, Greek Η, Armenian ho, Cherokee
  j: 'јЈϳᎫ', // Cyrillic ј Ј, Greek yot, Cherokee
  k: 'кКΚκᏦ', // Cyrillic к К, Greek Κ κ, Cherokee
  l: 'іІӀӏΙιɩǀ׀Ꮖ|', // Cyrillic і І Ӏ ӏ, Greek Ι ι, iota ɩ, click ǀ, Hebrew paseq, Cherokee (all printed as a stroke)
  n: 'пΝηոռ', // Cyrillic п (printed like n in italics and many fonts), Greek Ν η, Armenian vo
  o: 'оОοΟσՕօ০ⲟᎾ', // Cyrillic о О, Greek ο Ο σ, Armenian oh, Coptic, Cherokee
  p: 'рРρΡϱᏢ', // Cyrillic р Р, Greek ρ Ρ, Cherokee
  q: 'ԛԚզ', // Cyrillic qa, Armenian za
  r: 'гᏒꭇ', // Cyrillic г (printed like r in italics), Cherokee
  rn: 'МмΜϺᎷ', // Cyrillic М м, Greek Μ, Cherokee (m is "rn", below)
  s: 'ѕЅՏᏚꜱ', // Cyrillic ѕ Ѕ, Armenian, Cherokee, small capital s
  t: 'тТΤτᎢ', // Cyrillic т Т, Greek Τ τ, Cherokee
  u: 'υսᴜʋ', // Greek υ, Armenian se, small capital u
  v: 'νѵѴᏙ', // Greek ν, Cyrillic izhitsa, Cherokee
  w: 'ԝԜѡωᏔ', // Cyrillic we, omega, Cherokee
  x: 'хХχΧ', // Cyrillic х Х, Greek χ Χ
  y: 'уУүҮγΥ', // Cyrillic у У ү Ү, Greek γ Υ
  z: 'ΖᏃ', // Greek Ζ, Cherokee
};

/** Plain Latin letters and digits read as others, as TR39 does (see above). */
const LATIN_LOOK_ALIKES: Record<string, string> = { I: 'l', i: 'l', L: 'l', '1': 'l', '0': 'o', m: 'rn', M: 'rn', d: 'cl', D: 'cl' };

const TABLE = new Map<string, string>(Object.entries(LATIN_LOOK_ALIKES));
for (const [latin, chars] of Object.entries(LOOK_ALIKES)) for (const ch of chars) if (!/[a-z]/.test(ch)) TABLE.set(ch, latin);

/**
 * One character's skeleton: the Latin letters it is read as, or undefined
 * when it is not a look-alike (then the caller lower-cases it as usual).
 */
export function confusableSkeleton(ch: string): string | undefined {
  return TABLE.get(ch);
}
