/** "1 recommendation", "3 recommendations"; `many` for words that do not just add an s ("1 entry", "3 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
