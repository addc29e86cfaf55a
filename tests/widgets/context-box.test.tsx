import { render } from 'preact-render-to-string';
import { ContextBox, type ContextBoxProps } from '../../widgets/src/components/ContextBox';
import { Fallback } from '../../widgets/src/components/Fallback';
import { STRINGS } from '../../widgets/src/strings';
import { Skeleton } from '../../widgets/src/components/Skeleton';
import type { ContextBoxData } from '../../widgets/src/types';
import fixture from './fixtures/context-box.json';

const box = fixture.data.contextBox as ContextBoxData;
const html = (props: Partial<ContextBoxProps> = {}): string => render(<ContextBox box={box} {...props} />);
const count = (haystack: string, needle: string | RegExp): number =>
  (haystack.match(typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : needle) ?? []).length;

describe('ContextBox, compact (the default)', () => {
  const out = html();

  it('is a region labelled by the question, at heading level 2', () => {
    expect(out).toMatch(/^<div role="region" aria-labelledby="backstory-q" part="root" class="bs light compact" dir="ltr" lang="en">/);
    expect(out).toContain('<h2 id="backstory-q" class="q" part="heading">What is ISIS-K?</h2>');
  });

  it('clamps the summary in the fixed-height frame the skeleton also uses', () => {
    expect(out).toContain('<div class="head clamp lc">');
    expect(out).toContain(`<p class="sum" part="summary">${box.summary}</p>`);
  });

  it('hides the details behind a "Show more" disclosure', () => {
    expect(out).toContain(
      '<button type="button" class="tg" part="toggle" aria-expanded="false" aria-controls="backstory-more">Show more</button>',
    );
    expect(out).toContain('<div id="backstory-more" class="more" hidden>');
  });

  it('links to the full explainer', () => {
    expect(out).toContain(`<a class="fl" part="link" href="${box.url}" target="_blank" rel="noopener">Read the full explainer</a>`);
  });

  it('starts expanded, sections and all, when open', () => {
    const open = html({ open: true });
    expect(open).toContain('aria-expanded="true" aria-controls="backstory-more">Show less</button>');
    expect(open).toContain('<div id="backstory-more" class="more">');
    expect(open).not.toContain('clamp');
    expect(count(open, 'aria-expanded="true"')).toBe(1 + box.sections!.length);
    expect(count(open, ' hidden')).toBe(0);
  });
});

describe('ContextBox, full', () => {
  const out = html({ variant: 'full', headingLevel: 3, idPrefix: 'bx' });

  it('shows summary, key facts, sections and sources without a "Show more"', () => {
    expect(out).not.toContain('Show more');
    expect(out).not.toContain('clamp');
    expect(out).toContain('<dt><bdi>Founded</bdi></dt><dd><bdi>January 2015</bdi><small class="ct"> (according to <bdi>The Conversation</bdi>)</small></dd>');
    expect(out).toContain('<dt><bdi>Ranking</bdi></dt>');
    expect(out).toContain('<div class="src" part="sources"><h4 class="sub">Sources</h4>');
    expect(out).toContain('<a href="https://theconversation.com/" target="_blank" rel="noopener">The Conversation</a>');
    expect(out).toContain('<span class="pub"> · <bdi>Institute for Economics and Peace</bdi></span>');
    expect(out).toContain('<p class="upd">Updated <time datetime="2021-08-27T09:30:00.000Z">August 27, 2021</time></p>');
  });

  it('puts the question at the requested level and inner headings one deeper', () => {
    expect(out).toContain('<h3 id="bx-q" class="q" part="heading">');
    expect(count(out, /<h4 /g)).toBe(2 + box.sections!.length); // key facts, sources, one per section
  });

  it('puts each section behind a disclosure button that controls an existing panel', () => {
    const buttons = [...out.matchAll(/<button type="button" class="disc" part="section-toggle" aria-expanded="false" aria-controls="([^"]+)">([^<]*)<\/button>/g)];
    expect(buttons.map((m) => m[2])).toEqual(['Overview', 'Relationship with Taliban', 'Its role in the current scenario']);
    for (const [, id] of buttons) expect(out).toContain(`<div id="${id}" class="sec-b" hidden>`);
    expect(count(out, 'part="section"')).toBe(3);
  });

  it('renders mentions as plain spans titled with the entity description, nested where marks nest', () => {
    const isisK = '<span title="Afghan affiliate of the Islamic State movement, founded in January 2015; also known as ISIS-K, ISKP and ISK.">';
    const islamicState = '<span title="Jihadist movement whose core leadership is based in Iraq and Syria.">';
    expect(out).toContain(`<p>${isisK}The </span>${isisK}${islamicState}Islamic State</span></span>${isisK} Khorasan Province</span>, also known as`);
    expect(out).not.toMatch(/<(em|strong|b|i)>/);
  });

  it('sets a citation note beside a claim only where the text does not already name its source', () => {
    // Every cited passage of the seed names its source in its own words ("as per a report in The Conversation").
    expect(out).toContain('across Afghanistan and Pakistan, as per a report in The Conversation.');
    expect(out).toContain('in the world, according to the Institute for Economics and Peace’s Global Terrorism Index.');
    // Where the text only says "the report", the note says which.
    expect(out).toContain('to Central and South Asia<small class="ct"> (according to <bdi>The Conversation</bdi>)</small>, the report added.');
    // The same claim written without the attribution gets the note.
    const bare = structuredClone(box);
    const paragraph = bare.sections!.flatMap((s) => s.blocks).find((b) => b.__typename === 'Paragraph' && b.text.startsWith('By 2018'));
    if (paragraph?.__typename !== 'Paragraph') throw new Error('the fixture no longer has the Global Terrorism Index paragraph');
    paragraph.text = paragraph.text.replace(/, according to .*$/, '.');
    expect(render(<ContextBox box={bare} />)).toContain(
      'in the world<small class="ct"> (according to <bdi>Global Terrorism Index</bdi>)</small>.',
    );
  });

  it('renders the quote with its speakers and source', () => {
    const quote = out.slice(out.indexOf('<figure class="qt">'), out.indexOf('</figure>'));
    expect(count(quote, '<p>')).toBe(3);
    expect(quote).toContain(
      '<figcaption><bdi title="Terrorism expert at the US Military Academy West Point.">Amira Jadoon</bdi> and <bdi title="Research fellow at the George Washington University’s Program on Extremism.">Andrew Mines</bdi>, via <bdi>The Conversation</bdi></figcaption>',
    );
  });
});

describe('ContextBox, languages and direction', () => {
  it('speaks Arabic when asked, whatever the content language', () => {
    const out = html({ langs: ['ar'], strings: STRINGS });
    expect(out).toContain('>عرض المزيد</button>');
    expect(out).toContain('(بحسب <bdi>The Conversation</bdi>)');
    expect(out).toContain('<dt><bdi>تاريخ التأسيس</bdi></dt>');
    expect(out).toContain('>اقرأ الشرح كاملاً</a>');
    // The English content keeps its language and direction inside the right-to-left box.
    expect(out).toContain('dir="rtl" lang="ar"><div class="head clamp lc" lang="en" dir="ltr">');
  });

  it('speaks English until it is given the words of the language it is asked for', () => {
    expect(html({ langs: ['ar'] })).toContain('>Show more</button>');
    expect(html({ langs: ['fa'], strings: { fa: STRINGS.fa } })).toContain('>نمایش بیشتر</button>');
  });

  it('defaults the UI language to the content locale and mirrors right-to-left content', () => {
    const out = render(<ContextBox box={{ ...box, locale: 'ar', direction: 'RTL', question: 'ما هو تنظيم داعش خراسان؟' }} strings={STRINGS} />);
    expect(out).toContain('dir="rtl" lang="ar"');
    expect(out).toContain('>عرض المزيد</button>');
  });

  it('is mirrored by a right-to-left page or element, its English content isolated in its own direction', () => {
    const onPage = html({ pageDir: 'rtl' });
    expect(onPage).toContain('class="bs light compact" dir="rtl" lang="en"><div class="head clamp lc" dir="ltr">');
    expect(html({ dir: 'rtl' })).toContain('dir="rtl" lang="en"');
    // The element's own dir wins over its words' direction; a page's does not.
    expect(html({ langs: ['ar'], strings: STRINGS, dir: 'ltr' })).toContain('class="bs light compact" dir="ltr" lang="ar"');
    expect(html({ langs: ['ar'], strings: STRINGS, pageDir: 'ltr' })).toContain('class="bs light compact" dir="rtl" lang="ar"');
    expect(html()).toContain('class="bs light compact" dir="ltr" lang="en"><div class="head clamp lc">');
  });

  it('uses the dark palette class', () => {
    expect(html({ theme: 'dark' })).toContain('class="bs dark compact"');
  });
});

describe('ContextBox, after a live update', () => {
  it('has an empty polite live region in its fixed-height foot from the first render', () => {
    expect(html()).toMatch(/<div class="foot"><button[^>]*>Show more<\/button><span role="status" class="now"><\/span>/);
    expect(html({ variant: 'full' })).toContain('<div class="foot"><span role="status" class="now"></span><a class="fl"');
  });

  it('says "Updated just now" there, in the reader’s language', () => {
    expect(html({ updatedNow: true })).toContain('<span role="status" class="now">Updated just now</span>');
    expect(html({ updatedNow: true, langs: ['fr-CA'], strings: STRINGS })).toContain('<span role="status" class="now">Mis à jour à l’instant</span>');
    expect(html({ updatedNow: true, langs: ['ar'], strings: STRINGS })).toContain('<span role="status" class="now">تم التحديث للتو</span>');
  });
});

describe('ContextBox, hostile or odd data', () => {
  it('escapes markup in content instead of rendering it', () => {
    const out = render(
      <ContextBox box={{ ...box, question: '<img src=x onerror=alert(1)>', summary: '</p><script>alert(1)</script>' }} />,
    );
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('links only http(s) URLs', () => {
    const out = render(<ContextBox box={{ ...box, url: 'javascript:alert(1)', sources: [{ slug: 's', name: 'S', url: 'javascript:x' }] }} variant="full" />);
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('class="foot"');
  });

  it('skips block types it does not know and survives missing lists', () => {
    const sections = [{ slug: 's', heading: 'S', blocks: [{ __typename: 'ChartBlock' } as never, { __typename: 'Paragraph' as const, text: 'Kept.', marks: null }] }];
    const out = render(<ContextBox box={{ ...box, keyFacts: null, sources: null, corrections: null, sections }} variant="full" open />);
    expect(out).toContain('<div id="backstory-s0" class="sec-b"><p>Kept.</p></div>');
    expect(out).not.toContain('<dl>');
  });

  it('never sets an inline style (a strict CSP would block it)', () => {
    expect(html({ variant: 'full', open: true })).not.toContain('style=');
    expect(render(<Skeleton />)).not.toContain('style=');
  });
});

describe('Skeleton and Fallback', () => {
  it('reuses the collapsed compact frame so loading does not shift the page', () => {
    const out = render(<Skeleton theme="dark" />);
    expect(out).toMatch(/^<div class="bs dark compact skel" part="root" aria-hidden="true"><div class="head clamp">/);
    expect(out).toContain('<div class="foot">');
  });

  it('is a quiet link to the explainer', () => {
    expect(render(<Fallback href="http://localhost:4000/explainers/what-is-isis-k" />)).toBe(
      '<p class="fb light"><a part="fallback" href="http://localhost:4000/explainers/what-is-isis-k" target="_blank" rel="noopener">Read the explainer</a></p>',
    );
    expect(render(<Fallback href="https://x.test/explainers/a" langs={['ar-EG']} strings={STRINGS} />)).toContain('>اقرأ الشرح</a>');
    expect(render(<Fallback href="javascript:alert(1)" />)).toBe('');
  });
});
