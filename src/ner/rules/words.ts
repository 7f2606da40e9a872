/** Word sets and gazetteer masks that more than one recognition rule reads. */
import { creedWords, honorifics, orgCues, orgHeads, personTitles, placeHeads } from '../cues.js';
import { gaz } from '../gazetteer.js';

export const honorificSet = new Set(honorifics);
export const titleSet = new Set(personTitles);
/** Lower-case particles written inside Arabic, Dutch, German... names. */
export const particles = new Set(['al', 'el', 'ul', 'ud', 'ur', 'uz', 'ad', 'as', 'an', 'ar', 'ibn', 'bin', 'bint', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'del', 'e', 'y']);
/** Lower-case words that may stand inside a name between capitalized words. */
export const joinerSet = new Set(['of', 'and', 'for', 'the', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'des', 'la', 'le', 'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'abu', 'dos', 'das', 'do', 'y', 'e', 'in', 'on', 'upon', 'at', 'zu', 'ter', 'ten', 'st', '&', '-']);
export const orgCueSet = new Set(orgCues);
export const orgHeadSet = new Set(orgHeads);
export const placeHeadSet = new Set(placeHeads);
export const creedSet = new Set(creedWords);
export const PLACE_BITS = gaz.COUNTRY | gaz.CITY | gaz.CITY_BIG | gaz.CAPITAL | gaz.REGION;
