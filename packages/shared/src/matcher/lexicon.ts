// General English word lists the matcher needs; nothing here names a product, brand or person.

/** Words that carry no product identity; skipped when matching and when measuring gaps. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at',
  'by', 'with', 'from', 'is', 'it', 'its', 'i', 'im', 'ive', 'you', 'your', 'youre', 'we', 'were', 'our',
  'they', 'them', 'their', 'theyre', 'he', 'she', 'her', 'his', 'him', 'me', 'my', 'mine', 'be', 'been',
  'am', 'are', 'was', 'has', 'have', 'had', 'do', 'does', 'did', 'so', 'but', 'just', 'like', 'as', 'if',
  'then', 'than', 'there', 'here', 'what', 'which', 'who', 'how', 'when', 'where', 'why', 'all', 'any',
  'some', 'no', 'not', 'yes', 'too', 'also', 'very', 'really', 'got', 'get', 'go', 'gonna', 'wanna',
  'can', 'will', 'would', 'could', 'should', 'about', 'up', 'out', 'into', 'over', 'new', 'one', 'ones',
  'let', 'lets', 'say', 'says', 'said', 'see', 'look', 'love', 'guys', 'girl', 'babe', 'everybody',
  'everyone', 'today', 'now', 'right', 'little', 'big', 'thing', 'stuff', 'way', 'more', 'most', 'much',
  'only', 'each', 'every', 'both', 'other', 'same', 'next', 'last', 'first', 'back', 'again', 'still',
  'because', 'cause', 'while', 'which', 'show', 'dollar', 'buck', 'percent', 'off', 'code', 'hi', 'hey',
  'hello', 'welcome', 'thank', 'thanks', 'please', 'know', 'think', 'want', 'need', 'make', 'made', 'use',
  'ask', 'asked', 'asking', 'comment', 'chat', 'viewer', 'team', 'live', 'price',
]);

/** Hesitations and discourse fillers that ASR transcribes; removed before matching. */
export const FILLERS: ReadonlySet<string> = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'ahh', 'oh', 'ooh', 'hmm', 'mm', 'mmm', 'okay', 'ok',
  'yeah', 'yep', 'well', 'literally', 'honestly', 'actually', 'basically', 'totally', 'seriously', 'gosh', 'wow',
]);

/** Multi-word fillers (normalised tokens); "you know" is often how ASR renders a short brand. */
export const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['you', 'know'], ['i', 'mean'], ['kind', 'of'], ['sort', 'of'], ['oh', 'my', 'gosh'],
];

/**
 * Phrases that say a product is absent from the show: a mention next to one is not suggested.
 * Tokens are in normalised form (apostrophes dropped, possessive s removed, plurals singular).
 */
export const DISMISSAL_CUES: readonly (readonly string[])[] = [
  ['dont', 'have'], ['do', 'not', 'have'], ['dont', 'carry'], ['do', 'not', 'carry'], ['dont', 'sell'],
  ['not', 'in', 'today'], ['not', 'on', 'today'], ['not', 'part', 'of'], ['isnt', 'part', 'of'],
  ['arent', 'part', 'of'], ['not', 'on', 'the', 'rundown'], ['not', 'in', 'the', 'rundown'],
  ['isnt', 'on'], ['isnt', 'in'], ['arent', 'on'], ['arent', 'in'], ['not', 'on'], ['not', 'in', 'this'],
  ['sold', 'out'], ['out', 'of', 'stock'], ['not', 'selling'], ['not', 'doing'], ['no', 'longer'],
  ['discontinued'], ['not', 'available'], ['unavailable'], ['come', 'back', 'in'], ['coming', 'back', 'in'],
  ['back', 'in', 'stock'], ['not', 'carrying'], ['dont', 'stock'], ['last', 'week'], ['her', 'show'],
  ['his', 'show'], ['their', 'show'], ['other', 'show'], ['another', 'show'], ['wont', 'have'],
  ['dont', 'got'], ['not', 'featuring'], ['not', 'featured'], ['sold', 'separately', 'and'],
];

/** Words that turn the speaker around after a dismissal ("not on the rundown but let's pull it up"). */
export const REVERSAL_CUES: readonly (readonly string[])[] = [
  ['pull', 'it', 'up'], ['pull', 'them', 'up'], ['pull', 'that', 'up'], ['let', 'pull'], ['let', 'show'],
  ['bring', 'it', 'up'], ['bring', 'them', 'up'],
];

/** Words after which a dismissal stops applying: "we're not doing the shampoo, just the mask". */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['but', 'just', 'instead', 'only', 'however']);

/** Words that describe any product; a mention made only of these is generic talk. */
export const GENERIC_COMMERCE: ReadonlySet<string> = new Set([
  'set', 'pair', 'pack', 'piece', 'kit', 'bundle', 'trial', 'size', 'full', 'travel', 'daily', 'classic',
  'original', 'edition', 'collection', 'style', 'color', 'colour', 'shade', 'scent', 'version', 'model',
  'default', 'title', 'gift', 'inch', 'ml', 'oz', 'cm', 'mm', 'in', 'k', 'standard', 'regular', 'large',
  'small', 'medium', 'xs', 'xl', 's', 'm', 'l', 'one', 'everyday', 'item', 'product',
]);
