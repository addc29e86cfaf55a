/**
 * What the seeded article (api/content/what-is-isis-k.txt) says only on someone's word, and whose. A
 * reusable text (an explainer's summary, an entity's description or summary, a relation's note, a key
 * fact) that repeats one of these claims must say whose it is, or hedge it as the article does.
 */
export interface AttributedClaim {
  /** Words that make the claim. */
  claim: RegExp;
  /** Whose it is, in the article's words. */
  says: string;
  /** Words that attribute or hedge it; for a key fact, its label or one of its sources may. */
  attribution: RegExp;
}

const CONVERSATION = /The Conversation|Jadoon|Mines/;

export const ATTRIBUTED_CLAIMS: AttributedClaim[] = [
  { claim: /four deadliest/i, says: 'the Institute for Economics and Peace’s Global Terrorism Index', attribution: /Global Terrorism Index|Institute for Economics and Peace/ },
  { claim: /continued threat/i, says: 'Amira Jadoon and Andrew Mines, via The Conversation', attribution: /Jadoon|Mines/ },
  { claim: /sow panic|disrupt the (U\.S\. )?withdrawal|will likely/i, says: 'Amira Jadoon and Andrew Mines, via The Conversation', attribution: /Jadoon|Mines/ },
  { claim: /comeback/i, says: 'Amira Jadoon and Andrew Mines, via The Conversation', attribution: /Jadoon|Mines/ },
  { claim: /minority groups|carried out attacks|has attacked/i, says: 'a report in The Conversation', attribution: CONVERSATION },
  { claim: /beachhead|expand (the|its) .*caliphate/i, says: 'the report (The Conversation)', attribution: CONVERSATION },
  { claim: /foremost jihadist/i, says: 'The Conversation', attribution: CONVERSATION },
  { claim: /chaos and uncertainty/i, says: 'The Conversation', attribution: CONVERSATION },
  { claim: /money, advice and training|received (money|support)/i, says: 'the article, hedged: “is said to have received”', attribution: /said to/ },
  { claim: /filthy nationalists/i, says: 'ISIS-K, which brands the Afghan Taliban so', attribution: /brands?\b/i },
  // The article says ISIS-K has tried to recruit Afghan Taliban members, not that it does.
  { claim: /recruit/i, says: 'the article: “has tried to recruit”', attribution: /tried to recruit|poached/ },
];
