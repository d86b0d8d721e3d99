import type { Status } from './vocabulary.ts';

// Reading the status words and RAG ratings of legacy trackers, for the
// legacy import. The partnership's key (DOMAIN.md): GREEN on track, AMBER
// early stage, RED blocked, PURPLE not started, BLUE completed; plus the
// words trackers use ("Complete", "Ongoing", "In progress", "Not started",
// "RAG: Green"). Where a cell holds several ("Green - completed"), the most
// specific wins: a stated outcome (not started, not implemented, completed
// late, partly done, complete) before a colour or a general word.

const RULES: Array<[RegExp, Status]> = [
  [/\b(not (yet )?(started|commenced|begun)|yet to (start|begin|commence)|purple)\b/, 'not_started'],
  [/\b(not (being |to be )?implemented|will not be implemented|grey|gray|withdrawn|cancelled|canceled|not progressed|superseded)\b/, 'not_implemented'],
  [/\b(complete|completed|done|closed|achieved|implemented|finished) (but |though |albeit )?late\b|\blate (completion|complete)\b/, 'complete_late'],
  [/\b(partly|partially|part) (complete|completed|done|met|achieved|implemented)\b/, 'early_stage'],
  [/\bnot (yet )?(complete|completed|done|achieved|finished|closed|met)\b|\bincomplete\b/, 'on_track'],
  [/\b(blue|complete|completed|done|closed|achieved|finished|implemented|already in place|in place|met|fully met)\b/, 'complete'],
  [/\b(red|blocked|delayed|stalled|at risk|overdue|behind|off track|not on track)\b/, 'blocked'],
  [/\b(amber|early stage|early stages|started|commenced|begun|partial|partly|planning|in development)\b/, 'early_stage'],
  [/\b(green|on track|ongoing|on going|in progress|progressing|underway|under way|continuing|active|open)\b/, 'on_track'],
];

/** Single letters, as a RAG column may hold them */
const LETTERS: Record<string, Status> = { g: 'on_track', a: 'early_stage', r: 'blocked', b: 'complete', p: 'not_started' };

/** Words that introduce a status rather than being one */
const PREFIX = /^(rag|rag status|rag rating|status|rating|progress|current status|overall status)\s*/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * The status a legacy tracker's word means, or null when the text is blank
 * or says none of the words above.
 */
export function parseStatusWord(text: string): Status | null {
  let words = normalise(text);
  if (!words) return null;
  words = words.replace(PREFIX, '').trim() || words;
  if (words.length === 1) return LETTERS[words] ?? null;
  // "B/G" style ratings (blue-green) are not guessed; a lone letter pair like "RAG" is a heading, not a status.
  for (const [rule, status] of RULES) if (rule.test(words)) return status;
  return null;
}

/** The words parseStatusWord understands, for messages. */
export const STATUS_WORD_EXAMPLES = 'Complete, Completed, Ongoing, In progress, Not started, or a RAG rating such as Green, Amber, Red, Blue or Purple';
