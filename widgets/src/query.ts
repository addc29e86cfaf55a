/**
 * The `ContextBox` operation of examples/queries.graphql, byte-for-byte in meaning (a test compares the
 * two). The bundle carries only its sha256; widgets/build.ts writes the document into the manifest of
 * persisted operations that the API runs by hash.
 */
export const CONTEXT_BOX_QUERY = `query ContextBox($explainer:String,$entity:String,$section:String,$locale:String){
contextBox(explainer:$explainer,entity:$entity,section:$section,locale:$locale){
id locale direction question summary url updatedAt
explainer{slug headline dateline publishedAt}
subject{slug name kind description}
keyFacts{kind label value url sources{slug name}}
sections{slug heading blocks{__typename ...on Paragraph{...ParagraphContent} ...on QuoteBlock{quote{speakers{slug name description} source{slug name}} paragraphs{...ParagraphContent}}}}
sources{slug name kind url publisher{name}}
corrections{publishedAt text}}}
fragment ParagraphContent on Paragraph{text marks{__typename start end ...on MentionMark{entity{slug name description}} ...on CitationMark{source{slug name}}}}`;
