/**
 * What both readers make of an article, before it is cut into sections: its headline, its body in
 * reading order, and the page chrome taken out of it. Also the rules both readers share.
 */

/** The article body in reading order. */
export type Unit = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'quote'; paragraphs: string[] };

export interface Reading {
  headline: string | null;
  units: Unit[];
  dropped: string[];
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lines that are the page talking, not the story. Only short lines qualify, so a paragraph that
 * merely mentions a newsletter or a comment stays.
 */
const CHROME_LINES: RegExp[] = [
  /\b(subscribe|sign up|signup|register)( now| today| here| for free)?[.!]?$/i,
  /^(subscribe|sign up|signup) (to|for) (our|the)\b/i,
  /\bget (real[- ]time|the latest|breaking|instant) (news|updates|alerts|notifications)\b/i,
  /^(also read|read also|read more|must read|see also|more from|you may also like|don't miss|recommended|related( stories| articles| news)?|trending( now)?|also watch|watch( video)?)\b\s*([:|–—-]|$)/i,
  /^comments? (are|is) (now )?(closed|disabled|off)\.?$/i,
  /^(leave|post|add|write) a (comment|reply)\b/i,
  /^(show|view|load|read) (all )?(\d+ )?comments?\b/i,
  /^(\d+ )?comments?( \(\d+\))?$/i,
  /^(share|share this( article| story)?|share on \w+|click to share|tweet|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|e-?mail|print|copy link)(\s*[|·•,/]?\s*(share|tweet|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|e-?mail|print|copy link))*$/i,
  /^follow (us|\w+) on\b/i,
  /^(download|get) (the|our) (\w+ )?app\b/i,
  /^(click|tap) here\b/i,
  /^(advertisement|sponsored( content)?|story continues below( this ad| advertisement)?|continue reading below|scroll to continue)$/i,
  /\bauto-generated from a syndicated feed\b/i,
  /^(updated|published|last updated|posted|first published)( on| at)?\s*:?\s*\S.{0,60}$/i,
  /^[Bb]y \p{Lu}[\p{L}.'’-]*( \p{L}[\p{L}.'’-]*){0,5}$/u,
];

export function isChrome(line: string): boolean {
  return line.length <= 200 && CHROME_LINES.some((pattern) => pattern.test(line));
}
