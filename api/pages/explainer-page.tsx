/**
 * /explainers/:slug: the whole explainer as a plain, fast article page. No script at all; the sections
 * render through the box's own components, so a passage reads the same in the box and here.
 */
import { Blocks } from '../../widgets/src/components/Blocks';
import { KeyFacts } from '../../widgets/src/components/KeyFacts';
import { httpUrl } from '../../widgets/src/components/links';
import { fill, formatDate, joinList, type Ui, uiLang, ui as uiFor } from '../../widgets/src/i18n';
import { STRINGS } from '../../widgets/src/strings';
import type { KeyFact } from '../../widgets/src/types';
import { JsonScript, renderDocument } from './document';
import type { PageExplainer, PageSource } from './explainer.query';
import { articleJsonLd } from './json-ld';
import { directionOf } from '../locale/negotiate';
import { type PageStrings, pageStrings } from './page-strings';
import { part } from './part';

export interface ExplainerPageProps {
  explainer: PageExplainer;
  keyFacts: readonly KeyFact[];
  stylesheet: string;
  /** This page's oEmbed endpoint, for discovery. */
  oembedUrl: string;
  publisher: { name: string; url: string };
  /** What a publisher pastes to show this explainer's box. */
  embedSnippet: string;
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function Dated({ template, iso, ui }: { template: string; iso: string | null; ui: Ui }) {
  const text = iso && formatDate(iso, ui);
  if (!iso || !text) return null;
  return <span>{fill(template, { date: <time dateTime={iso}>{text}</time> })}</span>;
}

function SourceList({ sources, ui, s }: { sources: readonly PageSource[]; ui: Ui; s: PageStrings }) {
  return (
    <ol>
      {sources.map((source) => {
        const url = httpUrl(source.url);
        const publisher = source.publisher?.name;
        const cited = new Map<string, string>();
        for (const { section } of source.citations) {
          if (section && !cited.has(section.slug)) cited.set(section.slug, section.heading || ui.t.overview);
        }
        const links = [...cited].map(([slug, heading]) => (
          <a key={slug} href={`#${slug}`}>
            {heading}
          </a>
        ));
        return (
          <li key={source.slug} id={`source-${source.slug}`}>
            {url ? <a href={url}>{source.name}</a> : <cite>{source.name}</cite>}
            {publisher && publisher !== source.name && <span class="pub"> · {publisher}</span>}
            {links.length > 0 && <span class="cited"> · {fill(s.citedIn, { sections: <>{joinList(links, ui)}</> })}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function Article({ explainer: x, keyFacts, embedSnippet }: ExplainerPageProps) {
  const ui = uiFor(x.locale, STRINGS);
  const s = pageStrings(x.locale);
  return (
    <article class="article">
      <header class="article-head">
        <p class="kicker">{x.title}</p>
        <h1>{x.headline}</h1>
        <p class="standfirst">{x.summary}</p>
        <p class="meta">
          {x.dateline && <span class="dateline">{x.dateline}</span>}
          <Dated template={s.originalPublished} iso={x.originalPublishedAt} ui={ui} />
          <Dated template={s.published} iso={x.publishedAt} ui={ui} />
          <Dated template={ui.t.updated} iso={x.updatedAt} ui={ui} />
        </p>
        {x.translations.length > 0 && (
          <p class="translations">
            {s.alsoIn}{' '}
            {joinList(
              x.translations.map((t) => (
                <a key={t.locale} href={t.url} hreflang={t.locale} lang={t.locale} dir={directionOf(t.locale)}>
                  {languageName(t.locale)}
                </a>
              )),
              ui,
            )}
          </p>
        )}
      </header>
      {keyFacts.length > 0 && (
        <div class="facts">
          <KeyFacts facts={keyFacts} ui={ui} level={2} />
        </div>
      )}
      {x.sections.map((sec) => (
        <section key={sec.slug} id={sec.slug} class="part">
          {sec.heading && <h2>{sec.heading}</h2>}
          <Blocks blocks={sec.blocks} ui={ui} />
        </section>
      ))}
      {x.corrections.length > 0 &&
        part(
          'corrections',
          s.corrections,
          <ul class="corrections">
            {x.corrections.map((c, i) => (
              <li key={i}>
                <strong>{ui.t.correction}</strong> <Dated template="{date}" iso={c.publishedAt} ui={ui} />: {c.text}
              </li>
            ))}
          </ul>,
        )}
      {x.sources.length > 0 && part('sources', ui.t.sources, <SourceList sources={x.sources} ui={ui} s={s} />)}
      <details class="embed">
        <summary>{s.embedThis}</summary>
        <p>{s.embedHelp}</p>
        <pre>
          <code>{embedSnippet}</code>
        </pre>
      </details>
    </article>
  );
}

export function renderExplainerPage(props: ExplainerPageProps): string {
  const { explainer: x } = props;
  return renderDocument({
    lang: x.locale,
    dir: x.direction === 'RTL' ? 'rtl' : 'ltr',
    title: `${x.headline} · ${props.publisher.name}`,
    stylesheets: [props.stylesheet],
    head: (
      <>
        <meta name="description" content={x.summary} />
        <link rel="canonical" href={x.url} />
        {x.translations.map((t) => (
          <link key={t.locale} rel="alternate" hreflang={t.locale} href={t.url} />
        ))}
        <link rel="alternate" type="application/json+oembed" href={props.oembedUrl} title={x.title} />
        <meta property="og:type" content="article" />
        <meta property="og:site_name" content={props.publisher.name} />
        <meta property="og:title" content={x.headline} />
        <meta property="og:description" content={x.summary} />
        <meta property="og:url" content={x.url} />
        <JsonScript type="application/ld+json" value={articleJsonLd(x, props.publisher)} />
      </>
    ),
    children: (
      <>
        <header class="masthead">
          <p class="brand">{props.publisher.name}</p>
        </header>
        <main id="main">
          <Article {...props} />
        </main>
      </>
    ),
  });
}

export interface NotFoundPageProps {
  lang?: string;
  stylesheet: string;
  publisherName: string;
  /** What is not found, in the page's language: an explainer unless said otherwise. */
  words?: (lang: string) => { notFoundTitle: string; notFoundText: string };
}

/** Our 404 page for a slug with nothing published: an explainer's, or another kind's with its own words. */
export function renderNotFoundPage({ lang = 'en', stylesheet, publisherName, words = pageStrings }: NotFoundPageProps): string {
  const tag = uiLang(lang);
  const s = words(tag);
  return renderDocument({
    lang: tag,
    dir: directionOf(tag),
    title: `${s.notFoundTitle} · ${publisherName}`,
    stylesheets: [stylesheet],
    head: <meta name="robots" content="noindex" />,
    children: (
      <>
        <header class="masthead">
          <p class="brand">{publisherName}</p>
        </header>
        <main id="main" class="article">
          <h1>{s.notFoundTitle}</h1>
          <p class="standfirst">{s.notFoundText}</p>
        </main>
      </>
    ),
  });
}
