import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, type ImportedArticle } from '../../api/content/import/article';
import { proposeCandidates } from '../../api/content/import/candidates';
import { StoreInputError } from '../../api/store/errors';
import { Annotator } from '../../api/text/annotate';
import { foldName } from '../../api/text/fold';
import seed from '../../api/content/what-is-isis-k.json';

const seedText = readFileSync(join(__dirname, '../../api/content/what-is-isis-k.txt'), 'utf8');
const explainer = seed.explainers[0];

/** The seed model's sections in the importer's shape: what importing the article must give. */
const seedSections: ImportedArticle['sections'] = explainer.sections.map((section) => ({
  heading: section.heading,
  blocks: (section.blocks as Array<{ text?: string; paragraphs?: Array<{ text: string }> }>).map((block) =>
    block.paragraphs ? { type: 'quote' as const, paragraphs: block.paragraphs.map((p) => p.text) } : { type: 'paragraph' as const, text: block.text as string },
  ),
}));

const chromeLines = ['Get real time updates directly on you device, subscribe now.', 'Comments are closed.'];

/** The seed article as a news site would serve it, furniture and all. */
const seedHtml = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts? | News &amp; Views</title>
  <meta property="og:title" content="What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?">
  <style>.share-bar { display: flex } p::before { content: "<p>" }</style>
  <script>window.dataLayer = window.dataLayer || []; if (a < b && c > d) { document.write("<p>tracking</p>"); }</script>
</head>
<body class="article-page has-comments">
  <header class="site-header">
    <a class="logo" href="/">News &amp; Views</a>
    <nav class="main-nav"><ul><li><a href="/india">India</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics &amp; Policy</a></li></ul></nav>
  </header>
  <main>
    <article class="story">
      <header>
        <p class="kicker">World</p>
        <h1 class="headline">What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?</h1>
        <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">WhatsApp</a></div>
      </header>
      <div class="story-body">
        <p><strong>New Delhi:</strong> The Islamic State Khorasan Province, also known as ISIS-K, ISKP and ISK, is the official
          affiliate of the Islamic State movement operating in Afghanistan, as recognised by Islamic State core leadership in
          Iraq and Syria.</p>
        <p>ISIS-K was officially founded in January 2015. Within its first three years, it launched attacks against minority groups, public areas and institutions, and government targets in major cities across Afghanistan and Pakistan, as per a report in &lsquo;<a href="https://theconversation.com/">The Conversation</a>.&rsquo;</p>
        <p>By 2018, it had become one of the top four deadliest terrorist organisations in the world, according to the Institute for Economics and Peace&#8217;s <em>Global Terrorism Index</em>.</p>
        <div class="ad-slot" id="div-gpt-ad-1"><span>Advertisement</span><script>googletag.display("div-gpt-ad-1")</script></div>
        <p>ISIS-K was founded by former members of the Pakistani Taliban, Afghan Taliban and the Islamic Movement of Uzbekistan. Over time, though, the group has poached militants from various other groups. The group is said to have received money, advice and training from the Islamic State group&rsquo;s core organisational body in Iraq and Syria.</p>
        <p>ISIS-K&rsquo;s general strategy is to establish a beachhead for the Islamic State movement to expand its so-called caliphate to Central and South Asia, the report added.</p>
        <aside class="also-read"><strong>Also read:</strong> <a href="/taliban">Taliban take Kabul</a></aside>
        <p>It aims to cement itself as the foremost jihadist organisation in the region, in part by seizing the legacy of jihadist groups that came before it. ISIS-K&rsquo;s goal is to create chaos and uncertainty in a bid to push disillusioned fighters from other groups into their ranks, and to cast doubt on any ruling government&rsquo;s ability to provide security for the population, The&nbsp;Conversation reported.</p>
        <h2>Relationship with Taliban</h2>
        <p>It brands the Afghan Taliban as &ldquo;filthy nationalists&rdquo; with ambitions only to form a government confined to the boundaries of Afghanistan. This contradicts the Islamic State movement&rsquo;s goal of establishing a global caliphate.</p>
        <p>Since its inception, ISIS-K has tried to recruit Afghan Taliban members while also targeting Taliban positions throughout the country.</p>
        <div id="newsletterSignup" class="subscribe-box">
          <h3>Get real time updates</h3>
          <p>Get real time updates directly on you device, subscribe now.</p>
          <form action="/subscribe"><input type="email" placeholder="Email"><button>Subscribe</button></form>
        </div>
        <h3>Its role in the current scenario</h3>
        <p>Quoting Amira Jadoon, a terrorism expert at the US Military Academy West Point and Andrew Mines, a research fellow at the George Washington University&rsquo;s Program on Extremism, &lsquo;The Conversation reported:</p>
        <blockquote>
          <p>It is still too early to tell how the U.S. withdrawal from Afghanistan will benefit ISIS-K, but the attack on the Kabul airport shows the continued threat posed by the group.</p>
          <p>In the short term, ISIS-K will likely continue its efforts to sow panic and chaos, disrupt the withdrawal process and demonstrate that the Afghan Taliban are incapable of providing security to the population.</p>
          <p>If the group is able to reconstitute some level of territorial control in the longer term and recruit more fighters, it will most likely be poised to make a comeback and pose threats on the national, regional and international levels.</p>
        </blockquote>
      </div>
    </article>
    <section id="comments" class="comments-area">
      <h3>Comments</h3>
      <p>Comments are closed.</p>
    </section>
  </main>
  <footer><p>&copy; 2021 News &amp; Views. All rights reserved.</p></footer>
  <script src="/bundle.js"></script>
</body>
</html>`;

function refusal(run: () => unknown): StoreInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreInputError) return error;
    throw error;
  }
  throw new Error('expected a StoreInputError');
}

describe('parseArticle', () => {
  describe('from text', () => {
    const imported = parseArticle({ text: seedText });

    it('reads the seeded article into the sections of the seed model', () => {
      expect(imported.sections).toEqual(seedSections);
      expect(imported.sections.map((s) => s.heading)).toEqual([null, 'Relationship with Taliban', 'Its role in the current scenario']);
    });

    it('takes the first line as the headline and "New Delhi:" as the dateline', () => {
      expect(imported.headline).toBe(explainer.headline);
      expect(imported.dateline).toBe('New Delhi');
      expect(imported.sections[0].blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^The Islamic State Khorasan Province,/) });
    });

    it('makes the paragraphs after "... reported:" one quote block', () => {
      const last = imported.sections[2].blocks;
      expect(last[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/The Conversation reported:$/) });
      expect(last[1]).toEqual({ type: 'quote', paragraphs: expect.any(Array) });
      expect(last[1].type === 'quote' && last[1].paragraphs).toHaveLength(3);
    });

    it('drops the page chrome and lists it', () => {
      expect(imported.dropped).toEqual(chromeLines);
    });

    it('takes a short line as a heading only when paragraphs follow it', () => {
      const article = parseArticle({ text: 'Headline\n\nFirst paragraph.\n\nBackground\n\nSecond paragraph.\n\nA closing line without a stop' });
      expect(article.sections).toEqual([
        { heading: null, blocks: [{ type: 'paragraph', text: 'First paragraph.' }] },
        { heading: 'Background', blocks: [{ type: 'paragraph', text: 'Second paragraph.' }, { type: 'paragraph', text: 'A closing line without a stop' }] },
      ]);
    });

    it('takes a short question as a heading, and a sentence ending in a stop as a paragraph', () => {
      const article = parseArticle({ text: 'Headline\nWho leads ISIS-K?\nShahab al-Muhajir does.\nIt is small.\nIt is growing.' });
      expect(article.sections.map((s) => s.heading)).toEqual(['Who leads ISIS-K?']);
      expect(article.sections[0].blocks).toHaveLength(3);
    });

    it('reads a dateline of at most three capitalised words, and not a label', () => {
      expect(parseArticle({ text: 'H\nKabul: Blasts hit the airport.' }).dateline).toBe('Kabul');
      expect(parseArticle({ text: 'H\nSan Juan Capistrano: A story.' }).dateline).toBe('San Juan Capistrano');
      expect(parseArticle({ text: 'H\nThe Sun Also Rises: a novel.' }).dateline).toBeNull();
      expect(parseArticle({ text: 'H\nUpdate: The airport reopened.' }).dateline).toBeNull();
      expect(parseArticle({ text: 'H\nthe airport: reopened.' }).dateline).toBeNull();
    });

    it('ends a quote at the next heading', () => {
      const article = parseArticle({ text: 'H\nThe minister said:\nFirst.\nSecond.\nAftermath\nNot quoted.' });
      expect(article.sections).toEqual([
        { heading: null, blocks: [{ type: 'paragraph', text: 'The minister said:' }, { type: 'quote', paragraphs: ['First.', 'Second.'] }] },
        { heading: 'Aftermath', blocks: [{ type: 'paragraph', text: 'Not quoted.' }] },
      ]);
    });

    it('takes a colon before quotation marks as a quote, and a colon before a list as not', () => {
      expect(parseArticle({ text: 'H\nIn its statement, the group was blunt:\n“We will fight on.”' }).sections[0].blocks[1]).toEqual({
        type: 'quote',
        paragraphs: ['“We will fight on.”'],
      });
      expect(parseArticle({ text: 'H\nThe group has three aims:\nTo expand.\nTo recruit.' }).sections[0].blocks.map((b) => b.type)).toEqual([
        'paragraph',
        'paragraph',
        'paragraph',
      ]);
    });

    it('drops share bars, prompts and notices but keeps a paragraph that only mentions them', () => {
      const article = parseArticle({
        text: [
          'H',
          'Share | Tweet | WhatsApp',
          'The group published a newsletter and invited readers to comment on it.',
          'Also Read: Taliban take Kabul',
          'Advertisement',
          'Sign up for our newsletter',
          'Leave a comment',
          'By Amira Jadoon',
        ].join('\n'),
      });
      expect(article.sections).toEqual([
        { heading: null, blocks: [{ type: 'paragraph', text: 'The group published a newsletter and invited readers to comment on it.' }] },
      ]);
      expect(article.dropped).toEqual(['Share | Tweet | WhatsApp', 'Also Read: Taliban take Kabul', 'Advertisement', 'Sign up for our newsletter', 'Leave a comment', 'By Amira Jadoon']);
    });

    it('collapses spacing and reads Windows line ends', () => {
      expect(parseArticle({ text: '\uFEFF  Head  line \r\n\r\nOne\u00a0 paragraph\there.\r\n' })).toEqual({
        headline: 'Head line',
        dateline: null,
        sections: [{ heading: null, blocks: [{ type: 'paragraph', text: 'One paragraph here.' }] }],
        dropped: [],
      });
    });
  });

  describe('from HTML', () => {
    const imported = parseArticle({ html: seedHtml });

    it('imports a news page to the same article as its text', () => {
      expect(imported.headline).toBe(explainer.headline);
      expect(imported.dateline).toBe('New Delhi');
      expect(imported.sections).toEqual(seedSections);
    });

    it('drops navigation, share bars, ads, related links, subscription boxes, comments and all outside the <article>, and lists them', () => {
      expect(imported.dropped).toEqual(
        expect.arrayContaining([
          'News & Views India World Politics & Policy',
          'World',
          'Share Tweet WhatsApp',
          'Advertisement',
          'Also read: Taliban take Kabul',
          expect.stringContaining('Get real time updates directly on you device, subscribe now.'),
          'Comments Comments are closed.',
          '© 2021 News & Views. All rights reserved.',
        ]),
      );
    });

    it('never keeps markup, scripts or styles in any text', () => {
      const everything = JSON.stringify(imported);
      expect(everything).not.toMatch(/<\/?[a-z]/i);
      expect(everything).not.toMatch(/&[a-z]+;|&#\d+;/);
      expect(everything).not.toMatch(/dataLayer|googletag|display: flex/);
    });

    it('reads a quote introduced by a colon the same without a <blockquote>', () => {
      const plain = parseArticle({ html: seedHtml.replace(/<\/?blockquote>/g, '') });
      expect(plain.sections).toEqual(seedSections);
    });

    it('splits paragraphs at <br><br>, joins lines at <br>, decodes entities and collapses spacing', () => {
      const article = parseArticle({
        html: '<h1>Ti&shy;tle &amp; more</h1><div>First line<br>same paragraph.<br><br>  Second &lt;b&gt; paragraph&hellip;</div><p>Caf&eacute;&nbsp;&nbsp;au lait<!-- a comment --></p>',
      });
      expect(article.headline).toBe('Ti\u00adtle & more');
      expect(article.sections[0].blocks).toEqual([
        { type: 'paragraph', text: 'First line same paragraph.' },
        { type: 'paragraph', text: 'Second <b> paragraph…' },
        { type: 'paragraph', text: 'Café au lait' },
      ]);
    });

    it('takes the headline from og:title or <title> when the page has no <h1>', () => {
      expect(parseArticle({ html: '<title>Kabul blasts | News</title><p>Text.</p>' }).headline).toBe('Kabul blasts');
      expect(parseArticle({ html: '<meta property="og:title" content="From og"><title>T</title><p>Text.</p>' }).headline).toBe('From og');
    });

    it('keeps an element whose class only describes its state, and hidden elements out', () => {
      const article = parseArticle({
        html: '<h1>H</h1><div class="body has-comments ad-free"><p>Kept.</p></div><p hidden>Hidden.</p><div aria-hidden="true">Hidden too.</div>',
      });
      expect(article.sections).toEqual([{ heading: null, blocks: [{ type: 'paragraph', text: 'Kept.' }] }]);
    });
  });

  describe('input', () => {
    it('refuses more than 1 MB of text, counted in UTF-8 bytes', () => {
      const euros = `Headline\n${'€'.repeat(360_000)}`; // 360,000 characters, 1,080,000 bytes
      expect(euros.length).toBeLessThan(1024 * 1024);
      const error = refusal(() => parseArticle({ text: euros }));
      expect(error.field).toEqual(['text']);
      expect(error.message).toBe('at most 1 MB');
      expect(() => parseArticle({ text: `Headline\n${'a'.repeat(1024 * 1024 - 9)}` })).not.toThrow();
    });

    it('refuses more than 1 MB of html', () => {
      const error = refusal(() => parseArticle({ html: `<h1>H</h1><p>${'a'.repeat(1024 * 1024)}</p>` }));
      expect(error.field).toEqual(['html']);
      expect(error.message).toBe('at most 1 MB');
    });

    it('refuses neither or both of text and html', () => {
      expect(refusal(() => parseArticle({})).field).toEqual(['text']);
      expect(refusal(() => parseArticle({ text: 'H', html: '<h1>H</h1>' })).field).toEqual(['html']);
    });

    it('refuses an article with no headline', () => {
      expect(refusal(() => parseArticle({ text: ' \n\n ' })).message).toBe('has no headline');
      expect(refusal(() => parseArticle({ html: '<p></p>' })).field).toEqual(['html']);
    });
  });
});

describe('proposeCandidates', () => {
  const aliases = seed.entities.flatMap((e) => [e.name, ...e.aliases].map((alias) => ({ alias, entityId: e.slug })));
  const annotator = new Annotator(aliases);
  const knownKeys = new Set(aliases.map((a) => foldName(a.alias)));
  const propose = (text: string) => proposeCandidates(text, annotator.annotate(text));

  it('proposes no known entity in the seeded article, only the unknown dateline', () => {
    const proposals = propose(seedText);
    const known = annotator.annotate(seedText);
    for (const p of proposals) {
      expect(knownKeys.has(foldName(p.name))).toBe(false);
      expect(known.some((k) => k.start < p.end && p.start < k.end)).toBe(false);
    }
    expect(proposals).toEqual([{ name: 'New Delhi', start: seedText.indexOf('New Delhi'), end: seedText.indexOf('New Delhi') + 9 }]);
  });

  it('proposes unknown names planted in the article, first appearance first, each once', () => {
    const planted = seedText.replace(
      'Since its inception,',
      'Meanwhile Sirajuddin Haqqani told UN envoys in Doha that the Bank of the West had frozen funds. Sirajuddin Haqqani denied it. Since its inception,',
    ).replace('the report added.', 'the report added, citing Asfandyar Mir of the US Institute of Peace.');
    const names = propose(planted).map((p) => p.name);
    expect(names).toEqual(['New Delhi', 'Asfandyar Mir', 'US Institute of Peace', 'Sirajuddin Haqqani', 'UN', 'Bank of the West']);
    for (const p of propose(planted)) expect(planted.slice(p.start, p.end)).toBe(p.name);
  });

  it('proposes multi-word names and acronyms, not lone capitalised words', () => {
    expect(proposeCandidates('Officials in Kabul met Zabihullah Mujahid and the UN, not the ordinary OK or TV.', []).map((p) => p.name)).toEqual([
      'Zabihullah Mujahid',
      'UN',
    ]);
  });

  it('leaves out ordinary words that only start a sentence', () => {
    const text = 'Today Hamid Karzai spoke. Later Abdullah Abdullah replied. It came later. Several Taliban Officials said so.';
    expect(proposeCandidates(text, []).map((p) => p.name)).toEqual(['Hamid Karzai', 'Abdullah Abdullah', 'Several Taliban Officials']);
  });

  it('keeps institutions whole and people apart', () => {
    const text = 'Andrew Mines of the George Washington University’s Program on Extremism, the Institute for Economics and Peace, and Iraq and Syria.';
    expect(proposeCandidates(text, []).map((p) => p.name)).toEqual(['Andrew Mines', 'George Washington University', 'Program on Extremism', 'Institute for Economics and Peace']);
  });

  it('ignores a title-case headline and does not run a name across punctuation or lines', () => {
    const text = 'What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?\nThey met Amira Jadoon, Andrew Mines.\nWest\nPoint';
    expect(proposeCandidates(text, []).map((p) => p.name)).toEqual(['Amira Jadoon', 'Andrew Mines']);
  });

  it('skips words under a known span', () => {
    const text = 'Amira Jadoon met Andrew Mines.';
    expect(proposeCandidates(text, [{ start: 0, end: 12 }]).map((p) => p.name)).toEqual(['Andrew Mines']);
  });
});
