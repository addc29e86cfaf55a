/**
 * /entities/:slug: what Backstory knows of one entity, for the box of an entity no explainer is about
 * to link to. No script at all. The entity has one language (that of its own name); the explainers it
 * lists are each in the edition that suits the reader best.
 */
import { httpUrl } from '../../widgets/src/components/links';
import { type Ui, fill, formatDate, joinList, ui as uiFor, uiLang } from '../../widgets/src/i18n';
import { STRINGS } from '../../widgets/src/strings';
import { chooseEdition } from '../locale/editions';
import { directionOf } from '../locale/negotiate';
import { JsonScript, renderDocument } from './document';
import type { PageEntity, PageEntityExplainer, PageEntityRef, PageFact, PageFactSource, PageRelation } from './entity.query';
import { type EntityStrings, entityStrings } from './entity-strings';
import { entityJsonLd } from './json-ld';
import { renderNotFoundPage } from './explainer-page';
import { part } from './part';

export interface EntityPageProps {
  entity: PageEntity;
  /** The natural question ("Who is Amira Jadoon?") and the language it is in; null when the API gave none. */
  question: { text: string; locale: string } | null;
  /** One edition of each explainer about the entity or mentioning it. */
  explainers: readonly PageEntityExplainer[];
  /** The canonical address of this page. */
  url: string;
  /** The address of another entity's page. */
  entityUrl: (slug: string) => string;
  stylesheet: string;
  publisher: { name: string; url: string };
}

/** The language of an entity's description and summary: that of its own name among its aliases. */
export function entityLocale(entity: Pick<PageEntity, 'name' | 'aliases'>): string {
  return (entity.aliases.find((alias) => alias.name === entity.name) ?? entity.aliases[0])?.locale ?? 'en';
}

/** Of each explainer (its editions share a slug), the edition that suits the reader best. */
export function oneEditionEach(explainers: readonly PageEntityExplainer[], wanted: readonly string[], defaultLocale: string): PageEntityExplainer[] {
  const bySlug = new Map<string, PageEntityExplainer[]>();
  for (const x of explainers) bySlug.set(x.slug, [...(bySlug.get(x.slug) ?? []), x]);
  return [...bySlug.values()].flatMap((editions) => {
    // The API does not say which edition is the original: the first listed stands in for it.
    const chosen = chooseEdition(
      editions.map((x) => ({ ...x, id: x.locale, translationGroup: editions[0].locale })),
      wanted,
      defaultLocale,
    );
    return chosen ? [chosen] : [];
  });
}

/** An ISO 8601 date to the precision it was given: "2018", "January 2015", "August 26, 2021". */
function partialDate(iso: string, ui: Ui): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  if (!match[2]) return match[1];
  if (match[3]) return formatDate(iso, ui) ?? iso;
  const date = new Date(`${iso}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(ui.tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function Sources({ sources, ui, s }: { sources: readonly PageFactSource[]; ui: Ui; s: EntityStrings }) {
  if (sources.length === 0) return null;
  const names = sources.map((source) => {
    const url = httpUrl(source.url);
    const publisher = source.publisher?.name;
    return (
      <bdi key={source.slug}>
        {url ? <a href={url}>{source.name}</a> : <cite>{source.name}</cite>}
        {publisher && publisher !== source.name ? ` (${publisher})` : ''}
      </bdi>
    );
  });
  return <span class="src">{fill(s.source, { sources: <>{joinList(names, ui)}</> })}</span>;
}

function Hedge({ hedge, s }: { hedge: string | null; s: EntityStrings }) {
  return hedge ? <span class="hedge">{fill(s.hedged, { hedge: <q>{hedge}</q> })}</span> : null;
}

function Fact({ fact, ui, s }: { fact: PageFact; ui: Ui; s: EntityStrings }) {
  return (
    <div>
      <dt>
        <bdi>{fact.label}</bdi>
      </dt>
      <dd>
        <bdi>{fact.value}</bdi>
        {fact.date && !fact.value.includes(partialDate(fact.date, ui)) && (
          <>
            {' · '}
            <time dateTime={fact.date}>{partialDate(fact.date, ui)}</time>
            {fact.dateEnd && fact.dateEnd !== fact.date && (
              <>
                {'–'}
                <time dateTime={fact.dateEnd}>{partialDate(fact.dateEnd, ui)}</time>
              </>
            )}
          </>
        )}
        {fact.hedge && <> <Hedge hedge={fact.hedge} s={s} /></>}
        {fact.sources.length > 0 && <> <Sources sources={fact.sources} ui={ui} s={s} /></>}
      </dd>
    </div>
  );
}

function predicateWords(predicate: string, s: EntityStrings): string {
  return s.predicates[predicate] ?? s.otherPredicate.replace('{predicate}', predicate.toLowerCase().replace(/_/g, ' '));
}

/** One relation as a sentence: this entity by name, the other linked to its page. */
function RelationItem({ relation, self, outgoing, entityUrl, ui, s }: { relation: PageRelation; self: string; outgoing: boolean; entityUrl: (slug: string) => string; ui: Ui; s: EntityStrings }) {
  const other = relation.other as PageEntityRef;
  const link = (
    <a href={entityUrl(other.slug)}>
      <bdi>{other.name}</bdi>
    </a>
  );
  const me = <bdi>{self}</bdi>;
  return (
    <li>
      {fill(predicateWords(relation.predicate, s), outgoing ? { subject: me, object: link } : { subject: link, object: me })}
      {relation.hedge && <> <Hedge hedge={relation.hedge} s={s} /></>}
      {relation.note && <span class="note"> · {relation.note}</span>}
      {relation.sources.length > 0 && <> <Sources sources={relation.sources} ui={ui} s={s} /></>}
    </li>
  );
}

function ExplainerList({ explainers, lang }: { explainers: readonly PageEntityExplainer[]; lang: string }) {
  return (
    <ul class="explainers">
      {explainers.map((x) => {
        const other = x.locale !== lang;
        return (
          <li key={x.url} lang={other ? x.locale : undefined} dir={other ? directionOf(x.locale) : undefined}>
            <a href={x.url} hreflang={x.locale}>
              {x.title}
            </a>
            <p>{x.summary}</p>
          </li>
        );
      })}
    </ul>
  );
}

function Entity({ entity: e, question, explainers, entityUrl }: EntityPageProps) {
  const lang = entityLocale(e);
  const ui = uiFor(lang, STRINGS);
  const s = entityStrings(lang);
  const otherNames = [...new Set(e.aliases.map((alias) => alias.name))].filter((name) => name !== e.name);
  // A relation whose other end the reader may not see says nothing it could name.
  const relations = [
    ...e.relations.filter((r) => r.other).map((r) => ({ r, outgoing: true })),
    ...e.incomingRelations.filter((r) => r.other).map((r) => ({ r, outgoing: false })),
  ];
  const about = explainers.filter((x) => x.subject?.slug === e.slug);
  const mentioning = explainers.filter((x) => x.subject?.slug !== e.slug);
  const wikidata = httpUrl(e.wikidataUrl);
  return (
    <article class="article entity">
      <header class="article-head">
        {question && (
          <p class="kicker" lang={question.locale !== lang ? question.locale : undefined}>
            {question.text}
          </p>
        )}
        <h1>{e.name}</h1>
        <p class="meta">
          <span class="kind">{s.kinds[e.kind] ?? s.kinds.OTHER}</span>
          {wikidata && <a href={wikidata}>{s.onWikidata}</a>}
        </p>
        <p class="standfirst">{e.description}</p>
        {otherNames.length > 0 && (
          <p class="aka">
            <strong>{s.alsoKnownAs}</strong>{' '}
            {joinList(
              otherNames.map((name) => <bdi key={name}>{name}</bdi>),
              ui,
            )}
          </p>
        )}
      </header>
      <section class="part">
        <p>{e.summary}</p>
      </section>
      {e.facts.length > 0 &&
        part(
          'facts',
          s.facts,
          <div class="facts">
            <dl>
              {e.facts.map((fact, i) => (
                <Fact key={i} fact={fact} ui={ui} s={s} />
              ))}
            </dl>
          </div>,
        )}
      {relations.length > 0 &&
        part(
          'relations',
          s.relations,
          <ul class="relations">
            {relations.map(({ r, outgoing }, i) => (
              <RelationItem key={i} relation={r} self={e.name} outgoing={outgoing} entityUrl={entityUrl} ui={ui} s={s} />
            ))}
          </ul>,
        )}
      {about.length > 0 && part('about', fill(s.explainersAbout, { name: <bdi>{e.name}</bdi> }), <ExplainerList explainers={about} lang={lang} />)}
      {mentioning.length > 0 && part('mentioning', fill(s.explainersMentioning, { name: <bdi>{e.name}</bdi> }), <ExplainerList explainers={mentioning} lang={lang} />)}
    </article>
  );
}

function Masthead({ name }: { name: string }) {
  return (
    <header class="masthead">
      <p class="brand">{name}</p>
    </header>
  );
}

export function renderEntityPage(props: EntityPageProps): string {
  const { entity: e, publisher } = props;
  const lang = entityLocale(e);
  return renderDocument({
    lang,
    dir: directionOf(lang),
    title: `${e.name} · ${publisher.name}`,
    stylesheets: [props.stylesheet],
    head: (
      <>
        <meta name="description" content={e.description} />
        <link rel="canonical" href={props.url} />
        <meta property="og:type" content="profile" />
        <meta property="og:site_name" content={publisher.name} />
        <meta property="og:title" content={e.name} />
        <meta property="og:description" content={e.description} />
        <meta property="og:url" content={props.url} />
        <JsonScript type="application/ld+json" value={entityJsonLd(e, props.url, props.explainers)} />
      </>
    ),
    children: (
      <>
        <Masthead name={publisher.name} />
        <main id="main">
          <Entity {...props} />
        </main>
      </>
    ),
  });
}

export function renderEntityNotFoundPage({ lang = 'en', stylesheet, publisherName }: { lang?: string; stylesheet: string; publisherName: string }): string {
  return renderNotFoundPage({ lang, stylesheet, publisherName, words: entityStrings });
}
