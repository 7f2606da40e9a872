/**
 * Small hand-kept lists of general English cue words (not names). They feed the gazetteer bits
 * of the tagger and the role / cleanup rules. Lower-case; compared with lower-cased tokens.
 */

/** Titles and roles written before or beside a person's name. */
export const personTitles: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam',
  'president', 'vice', 'prime', 'minister', 'secretary', 'chancellor', 'premier', 'king', 'queen',
  'prince', 'princess', 'emperor', 'sheikh', 'sheik', 'emir', 'sultan', 'ayatollah', 'imam', 'mullah',
  'pope', 'cardinal', 'bishop', 'archbishop', 'rev', 'reverend', 'father', 'rabbi', 'general', 'gen',
  'col', 'colonel', 'lt', 'lieutenant', 'major', 'maj', 'capt', 'captain', 'sgt', 'sergeant',
  'admiral', 'adm', 'commander', 'brigadier', 'marshal', 'senator', 'sen', 'rep', 'representative',
  'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice', 'ambassador',
  'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chairperson',
  'chief', 'director', 'leader', 'coach', 'manager', 'deputy', 'speaker', 'attorney', 'prosecutor',
  'commissioner', 'chief executive', 'ceo', 'founder', 'analyst', 'economist', 'officer', 'official',
  'spokesmen', 'foreign', 'defence', 'defense', 'interior', 'finance', 'senior', 'acting', 'former',
];

/** Honorifics that are never part of a person's name span. */
export const honorifics: readonly string[] = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'mx.', 'dr', 'dr.', 'prof', 'prof.', 'sir',
  'dame', 'madam', 'messrs', 'messrs.',
];

/** Head words of organization names. */
export const orgCues: readonly string[] = [
  'ministry', 'corps', 'front', 'committee', 'army', 'group', 'party', 'council', 'commission',
  'union', 'association', 'federation', 'bank', 'agency', 'authority', 'institute', 'university',
  'college', 'school', 'company', 'corporation', 'organization', 'organisation', 'foundation', 'fund',
  'court', 'parliament', 'assembly', 'congress', 'senate', 'department', 'office', 'service',
  'police', 'forces', 'force', 'navy', 'club', 'brigade', 'brigades', 'movement', 'league',
  'alliance', 'coalition', 'board', 'bureau', 'exchange', 'airlines', 'airways', 'motors',
  'holdings', 'industries', 'television', 'radio', 'news', 'times', 'network', 'society', 'church',
  'hospital', 'rovers', 'wanderers', 'athletic', 'guard', 'cabinet', 'government', 'agency',
  'command', 'directorate', 'secretariat', 'tribunal', 'trust', 'partners', 'securities',
  'capital', 'systems', 'technologies', 'communications', 'energy', 'petroleum', 'oil', 'press',
];

/** Legal-form suffixes of company names. */
export const orgSuffixes: readonly string[] = [
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'ag', 'sa', 'nv', 'gmbh',
  'ab', 'asa', 'bhd', 'spa', 'bv', 'pty', 'lp', 'llp',
];

/** Head words and prefixes of place names. */
export const placeCues: readonly string[] = [
  'province', 'city', 'village', 'district', 'region', 'county', 'state', 'river', 'mountain',
  'mountains', 'island', 'islands', 'lake', 'sea', 'ocean', 'valley', 'desert', 'border', 'town',
  'street', 'square', 'bay', 'gulf', 'strait', 'peninsula', 'coast', 'port', 'camp', 'area', 'mount',
  'mt', 'cape', 'fort', 'saint', 'st', 'san', 'santa', 'north', 'south', 'east', 'west', 'northern',
  'southern', 'eastern', 'western', 'central', 'governorate', 'prefecture', 'territory', 'capital',
  'avenue', 'road', 'highway', 'canal', 'plain', 'hills', 'heights', 'oblast', 'kingdom', 'republic',
];

/** Month and weekday names: capitalized but never an entity here. */
export const calendarWords: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/**
 * Titles that head a role written before a name; a mention is split at them ("Foreign Minister
 * Jane Doe", "U.S. Cardinal John Roe"). Modifiers ("foreign", "prime", "vice") join the role
 * only together with one of these.
 */
export const splitTitles: readonly string[] = [
  'minister', 'president', 'cardinal', 'emperor', 'king', 'queen', 'prince', 'princess', 'sheikh',
  'sheik', 'emir', 'sultan', 'ayatollah', 'imam', 'pope', 'bishop', 'archbishop', 'rabbi', 'reverend',
  'rev', 'senator', 'sen', 'governor', 'gov', 'mayor', 'judge', 'justice', 'ambassador', 'envoy',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'secretary', 'chancellor',
  'premier', 'coach', 'commander', 'gen', 'col', 'colonel', 'lt', 'sgt', 'capt', 'admiral', 'adm',
  'representative', 'rep', 'prosecutor', 'lawmaker', 'deputy', 'director', 'mullah', 'ceo', 'cfo',
  'coo', 'cto',
  'attorney', 'commissioner', 'superintendent', 'pastor', 'justices', 'sheriff', 'treasurer',
  'comptroller', 'inspector', 'solicitor', 'counsel', 'staff', 'chief',
];

/** Words that may stand before a split title inside a role ("Foreign Minister", "Vice President"). */
export const titleModifiers: readonly string[] = [
  'foreign', 'prime', 'vice', 'deputy', 'defence', 'defense', 'interior', 'finance', 'economy',
  'health', 'trade', 'justice', 'education', 'energy', 'oil', 'agriculture', 'information',
  'culture', 'labour', 'labor', 'transport', 'senior', 'acting', 'former', 'chief', 'general',
  'attorney', 'state', 'assistant', 'executive', 'supreme', 'first', 'grand', 'crown', 'army',
  'police', 'military', 'district', 'provincial', 'regional', 'national', 'federal', 'home',
];

/**
 * Head words that make a multi-word name an organization whatever the tagger said. Not "bank",
 * "union", "federation" ("West Bank", "Soviet Union", "Russian Federation" are places).
 */
export const orgHeads: readonly string[] = [
  'ministry', 'committee', 'party', 'council', 'commission', 'association', 'agency', 'university', 'corporation', 'company', 'organisation', 'organization',
  'foundation', 'institute', 'army', 'corps', 'front', 'brigade', 'brigades', 'movement', 'league',
  'alliance', 'department', 'parliament', 'assembly', 'directorate', 'secretariat', 'militia',
];

/** Head words that make a multi-word name a place whatever the tagger said (not "county": clubs). */
export const placeHeads: readonly string[] = [
  'province', 'district', 'village', 'river', 'island', 'islands', 'mountains', 'valley',
  'lake', 'sea', 'ocean', 'gulf', 'strait', 'peninsula', 'desert', 'governorate', 'prefecture',
  'oblast', 'region', 'canal', 'plateau',
];

/**
 * Nouns that name a kind of organization. Written just before a name ("the militant group X",
 * "the organization X") or just after it ("the X group"), they make the name an organization.
 */
export const orgDescriptors: readonly string[] = [
  'group', 'groups', 'organization', 'organisation', 'outfit', 'militia', 'movement', 'faction',
  'network', 'party', 'company', 'firm', 'agency', 'newspaper', 'broadcaster', 'channel',
  'rival', 'manufacturer', 'maker', 'planemaker', 'carmaker', 'automaker', 'airline', 'carrier',
  'retailer', 'conglomerate', 'giant',
];

/**
 * Adjectives of faith, sect and ideology: capitalized, but a word like this alone is not a
 * person, organization or place ("Sunni militants", "a fellow Muslim nation"). Not "Christian",
 * which is also a given name.
 */
export const creedWords: readonly string[] = [
  'muslim', 'muslims', 'islamic', 'islamist', 'islamists', 'sunni', 'sunnis', 'shia', 'shias',
  'shiite', 'shiites', "shi'ite", 'shi’ite', 'christians', 'jewish', 'jew', 'jews',
  'hindu', 'hindus', 'buddhist', 'buddhists', 'sikh', 'sikhs', 'catholic', 'catholics',
  'protestant', 'protestants', 'orthodox', 'evangelical', 'evangelicals', 'jihadist', 'jihadists',
  'salafi', 'salafist', 'wahhabi', 'sufi', 'alawite', 'druze', 'zionist', 'marxist', 'maoist',
];

/** First words of a photo, video or image credit line ("Photo by ... via ..."). */
export const creditWords: readonly string[] = [
  'photo', 'photos', 'photograph', 'image', 'images', 'picture', 'pictures', 'video', 'credit',
  'credits', 'file', 'illustration',
];

/** Institutions that make a name an organization wherever they stand in it ("X Hospital Y"). */
export const institutionWords: readonly string[] = [
  'hospital', 'university', 'college', 'school', 'institute', 'academy', 'ministry', 'committee',
  'council', 'commission', 'department', 'agency', 'corporation', 'company', 'foundation', 'airport',
];

/**
 * Last words of company names that are never the last word of a person's name ("Acme Brewing",
 * "Roe Investments", "Doe Partners Limited Partnership"): a PERSON span ending in one is an
 * organization. Compared lower-cased with dots removed ("S.A." -> "sa").
 */
export const companyHeads: readonly string[] = [
  'investments', 'partners', 'partnership', 'holding', 'holdings', 'group', 'medical', 'brewing',
  'brewery', 'breweries', 'worldwide', 'cos', 'co', 'corp', 'inc', 'ltd', 'plc', 'llc', 'sa', 'nv',
  'ag', 'spa', 'gmbh', 'bank', 'bancorp', 'bankcorp', 'securities', 'airlines', 'airways',
  'industries', 'systems', 'associates', 'capital', 'foods', 'laboratories', 'labs', 'cellular',
  'drilling', 'savings', 'marine', 'motors', 'pharmaceuticals', 'pharmaceutical', 'technologies',
  'electronics', 'enterprises', 'communications', 'entertainment', 'insurance', 'financial',
  'petroleum', 'chemicals', 'chemical', 'mining', 'steel', 'textiles', 'stores', 'products',
  'resources', 'ventures', 'software', 'networks', 'broadcasting', 'publishing', 'aviation',
  'shipping', 'logistics', 'realty', 'properties', 'utilities', 'telecom', 'telecommunications',
  'dynamics', 'electric', 'mills', 'instruments', 'motor', 'airline', 'aerospace', 'semiconductor',
  'corporation', 'incorporated', 'limited', 'company', 'computer', 'computers', 'aircraft', 'airplanes',
];
