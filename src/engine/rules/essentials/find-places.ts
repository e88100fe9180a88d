import type { Fact } from "../../types.js";
import {
  ADDRESS_SCAN,
  ORGANISATION_SCAN,
  REMOTE_NOT_AFTER,
  REMOTE_SCANS,
  ROOM_SCAN,
  STREET_SUFFIX,
} from "./patterns.js";
import { fact, normalise, scan, startOf } from "./scanning.js";
import { notInLeadData } from "./wording.js";

/** A room's value: the room noun and its number ("lokale 2.14"), as not-in-lead.yml's data says. */
const ROOM_NOUN = notInLeadData().roomNoun!;

/**
 * Places: a street address with postcode and town (or a street name ending in -vej, -gade, -torvet
 * ...), "Jobcenter X", "lokale 2.14", and remote meetings ("telefonisk", "vi ringer til dig",
 * "digitalt", "online"), except where they say how to send or cancel ("afbud meddeles telefonisk").
 */

export function findPlaces(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(ADDRESS_SCAN, text)) {
    const street = match[2]!;
    const postcode = match[4];
    const lastWord = street.split(/\s+/u).pop() ?? "";
    if (!postcode && !STREET_SUFFIX.test(lastWord)) {
      ADDRESS_SCAN.lastIndex = startOf(match) + 1; // a later word may start a real address
      continue;
    }
    const start = startOf(match);
    const end = match.index + match[0].length;
    facts.push(fact("place", text, start, end, base, normalise(text.slice(start, end))));
  }
  for (const match of scan(ORGANISATION_SCAN, text)) {
    const start = startOf(match);
    const end = match.index + match[0].length;
    facts.push(fact("place", text, start, end, base, normalise(match[2]!)));
  }
  for (const match of scan(ROOM_SCAN, text)) {
    const start = startOf(match);
    const end = match.index + match[0].length;
    facts.push(fact("place", text, start, end, base, `${ROOM_NOUN} ${match[3]}`));
  }
  for (const remote of REMOTE_SCANS) {
    for (const match of scan(remote.scan, text)) {
      const start = startOf(match);
      if (REMOTE_NOT_AFTER.test(text.slice(Math.max(0, start - 60), start))) continue;
      facts.push(fact("place", text, start, match.index + match[0].length, base, remote.value));
    }
  }
  return facts;
}
