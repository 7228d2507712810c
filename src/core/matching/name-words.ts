/**
 * Words that stand before and around names: titles ("President Assad", "الرئيس الأسد", which license an
 * ambiguous surname after them), and capitalised English words that are not given names (they start sentences:
 * "Later Assad left"). Used by licensing (span-resolution.ts) and by the romanisation key (romanise.ts), which never
 * takes one of them for a spelling of a name.
 */
import { foldKey } from './normalize.ts';

const LATIN_TITLES = [
  'president', 'pres', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'sayyed', 'sayyid', 'sayed', 'seyed', 'seyyed',
  'sheikh', 'shaykh', 'sheik', 'general', 'gen', 'lt', 'col', 'colonel', 'brig', 'brigadier', 'maj', 'major',
  'commander', 'cmdr', 'leader', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'emir', 'amir', 'sultan', 'imam', 'ayatollah', 'hojatoleslam', 'senator', 'sen', 'rep', 'gov', 'governor',
  'chairman', 'chief', 'secretary', 'mayor', 'ambassador', 'spokesman', 'spokeswoman', 'envoy', 'deputy',
];
const ARABIC_TITLES = [
  'الرئيس', 'رئيس', 'السيد', 'سيد', 'الشيخ', 'الجنرال', 'اللواء', 'العميد', 'العقيد', 'العماد', 'الفريق',
  'المشير', 'القائد', 'الزعيم', 'الملك', 'الأمير', 'الإمام', 'الوزير', 'النائب', 'السفير', 'الحاج', 'المرشد',
];
/**
 * Capitalised words that are not given names: they do not block a surname after them. Mostly words that start
 * English sentences ("Later Assad left"), which the capitalisation rule would otherwise take for given names.
 */
const NOT_GIVEN_NAMES = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'the', 'a', 'an', 'and', 'but', 'or', 'nor', 'so', 'yet', 'then', 'when', 'while', 'after', 'before', 'as', 'if',
  'that', 'this', 'these', 'those', 'since', 'until', 'once', 'because', 'although', 'though', 'whether', 'unless',
  'meanwhile', 'yesterday', 'today', 'tonight', 'now', 'later', 'earlier', 'soon', 'still', 'also', 'only', 'even',
  'just', 'instead', 'indeed', 'thus', 'hence', 'here', 'there', 'both', 'neither', 'either', 'why', 'how', 'where',
  'what', 'who', 'whom', 'which', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'of', 'with', 'without', 'under',
  'against', 'despite', 'like', 'unlike', 'about', 'did', 'does', 'do', 'will', 'would', 'can', 'could',
  'should', 'has', 'had', 'have', 'is', 'was', 'were', 'says', 'said', 'tells', 'told', 'asked', 'former', 'late',
  'syrian', 'iranian', 'iraqi', 'lebanese', 'israeli', 'american', 'russian', 'turkish', 'saudi', 'arab', 'western',
];
/** Folded titles, Latin and Arabic. */
export const TITLES: ReadonlySet<string> = new Set([...LATIN_TITLES, ...ARABIC_TITLES].map(foldKey));
/** Folded capitalised words that are not given names. */
export const NON_BLOCKING: ReadonlySet<string> = new Set(NOT_GIVEN_NAMES.map(foldKey));
