// Putting what someone typed or chose (an option's value, a file name, a
// reference) into a message. It is cut to a readable length, keeping its
// start and its end (where a file's extension is), and characters that
// would upset a terminal or the message's layout (line breaks, escapes,
// other control characters) are shown as "?". A 100,000-character district
// name is echoed as 80 characters, not as a 100 KB error line.

export const MAX_ECHO_CHARS = 80;

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text, cut in the middle with an ellipsis when longer than `max` characters, without quotes. */
export function cutInput(value: string, max = MAX_ECHO_CHARS): string {
  const chars = [...value.replace(UNPRINTABLE, '?')];
  if (chars.length <= max) return chars.join('');
  const tail = Math.floor((max - 1) / 3);
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** The text in double quotes, cut as cutInput does: for values echoed back in a message. */
export function quoteInput(value: string, max = MAX_ECHO_CHARS): string {
  return `"${cutInput(value, max)}"`;
}

/** A path for a message: a long one is cut in the middle, so its folder's start and its file name's end both show. */
export function shownPath(value: string, max = 120): string {
  return cutInput(value, max);
}
