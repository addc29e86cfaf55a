import { toHtml, toPlainText } from '../../api/rich-text/render';
import { validateRichText } from '../../api/rich-text/rich-text';

const links = { entitySlug: () => 'x"><script>', sourceName: () => undefined };

describe('rich text', () => {
  it('escapes every character of content in HTML, attributes included', () => {
    const html = toHtml({ blocks: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)> & "q"', marks: [{ type: 'mention', start: 0, end: 4, entityId: 'e' }] }] }, links);
    expect(html).toBe('<p><span class="mention" data-entity="x&quot;&gt;&lt;script&gt;">&lt;img</span> src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>');
  });

  it('renders overlapping marks as nested runs', () => {
    const html = toHtml({ blocks: [{ type: 'paragraph', text: 'abcdef', marks: [
      { type: 'mention', start: 0, end: 4, entityId: 'e' },
      { type: 'quote', start: 2, end: 6, quoteId: 'q' },
    ] }] }, { entitySlug: () => 'e', sourceName: () => undefined });
    expect(html).toBe('<p><span class="mention" data-entity="e">ab</span><span class="quote"><span class="mention" data-entity="e">cd</span></span><span class="quote">ef</span></p>');
  });

  it('renders plain text with quote paragraphs in place', () => {
    expect(toPlainText({ blocks: [
      { type: 'paragraph', text: 'one', marks: [] },
      { type: 'quote', quoteId: 'q', paragraphs: [{ type: 'paragraph', text: 'two', marks: [] }, { type: 'paragraph', text: 'three', marks: [] }] },
    ] })).toBe('one\n\ntwo\n\nthree');
  });

  it.each([
    [{ blocks: [{ type: 'paragraph', text: '  ', marks: [] }] }, ['blocks', 0, 'text']],
    [{ blocks: [{ type: 'paragraph', text: 'abc', marks: [{ type: 'mention', start: 2, end: 9, entityId: 'e' }] }] }, ['blocks', 0, 'marks', 0]],
    [{ blocks: [{ type: 'paragraph', text: 'x'.repeat(10_001), marks: [] }] }, ['blocks', 0, 'text']],
    [{ blocks: [{ type: 'quote', quoteId: 'q', paragraphs: [] }] }, ['blocks', 0, 'paragraphs']],
  ])('rejects %j at %j', (body, path) => {
    expect(validateRichText(body as never)[0].path).toEqual(path);
  });
});
