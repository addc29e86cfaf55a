import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { UserInputError } from '../errors';
import { StoreInputError } from '../store/errors';
import type * as store from '../store/explainer.store';
import {
  createExplainer,
  createQuote,
  findExplainer,
  restoreRevision,
  updateExplainer,
} from '../store/explainer.store';
import { correctExplainer, publishExplainer, withdrawExplainerFromReaders } from '../store/publishing.store';
import { missingIds } from '../store/references';
import { putSection, removeSection, reorderSections } from '../store/section.store';
import type { Context } from './context';
import { CreateExplainerInput, CreateQuoteInput, UpdateExplainerInput } from './explainer.input';
import { Correction, Explainer } from './explainer.type';
import { idOf } from './node';
import { Quote } from './quote.type';
import { SectionInput, inputPath, toRichText } from './rich-text.input';
import { checkDate, checkLocale, checkSlug, checkText } from './validate';
import { write } from './write';

const limits = { title: 200, headline: 300, summary: 1200, dateline: 100, correction: 2000 };

@Resolver()
export class ExplainerEditingResolver {
  @Mutation(() => Explainer, { description: 'A new draft explainer at version 1. Editor.' })
  createExplainer(@Arg('input') input: CreateExplainerInput, @Ctx() ctx: Context): Promise<store.Explainer> {
    return write(ctx, 'editor', async (db, actor) => {
      const locale = checkLocale('input.locale', input.locale, ctx.config);
      let translationGroup: string | undefined;
      if (input.translationOf != null) {
        const original = await findExplainer(db, { id: idOf('Explainer', input.translationOf, ['input', 'translationOf']) }, 'preview');
        if (!original) throw new UserInputError(['input', 'translationOf'], 'no such explainer');
        translationGroup = original.translationGroup;
      }
      return createExplainer(
        db,
        {
          slug: checkSlug('input.slug', input.slug),
          locale,
          translationGroup,
          title: checkText('input.title', input.title, limits.title),
          headline: checkText('input.headline', input.headline, limits.headline),
          summary: checkText('input.summary', input.summary, limits.summary),
          dateline: input.dateline == null ? null : checkText('input.dateline', input.dateline, limits.dateline),
          originalPublishedAt: input.originalPublishedAt == null ? null : checkDate('input.originalPublishedAt', input.originalPublishedAt),
          subjectId: input.subject == null ? null : idOf('Entity', input.subject, ['input', 'subject']),
        },
        actor,
      );
    });
  }

  @Mutation(() => Explainer, { description: 'Changes the fields given. Editor; fails with CONFLICT when expectedVersion is stale.' })
  updateExplainer(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateExplainerInput,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', (db, actor) =>
      updateExplainer(db, { explainerId: idOf('Explainer', id, 'id'), expectedVersion, actor, action: 'update' }, {
        slug: input.slug === undefined ? undefined : checkSlug('input.slug', input.slug),
        title: input.title === undefined ? undefined : checkText('input.title', input.title, limits.title),
        headline: input.headline === undefined ? undefined : checkText('input.headline', input.headline, limits.headline),
        summary: input.summary === undefined ? undefined : checkText('input.summary', input.summary, limits.summary),
        dateline: input.dateline === undefined ? undefined : input.dateline === null ? null : checkText('input.dateline', input.dateline, limits.dateline),
        originalPublishedAt:
          input.originalPublishedAt === undefined ? undefined : input.originalPublishedAt === null ? null : checkDate('input.originalPublishedAt', input.originalPublishedAt),
      }),
    );
  }

  @Mutation(() => Explainer, { description: 'Sets (or with null, clears) the entity the explainer is about. Editor.' })
  setExplainerSubject(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('subject', () => ID, { nullable: true }) subject: string | null,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db, actor) => {
      const subjectId = subject == null ? null : idOf('Entity', subject, 'subject');
      if (subjectId && (await missingIds(db, 'entities', [subjectId])).length) throw new UserInputError('subject', 'no such entity');
      return updateExplainer(db, { explainerId: idOf('Explainer', id, 'id'), expectedVersion, actor, action: 'set subject' }, { subjectId });
    });
  }

  @Mutation(() => Explainer, { description: 'Adds a section, or replaces the one with the same slug. Editor.' })
  putSection(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('section') section: SectionInput,
    @Arg('position', () => Int, { nullable: true, description: 'Zero-based; default: where it was, or last.' }) position: number | null,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db, actor) => {
      const explainerId = idOf('Explainer', explainer, 'explainer');
      const body = toRichText(section, ['section']);
      try {
        await putSection(db, { explainerId, expectedVersion, actor, action: 'put section' }, { slug: section.slug, heading: section.heading, body }, position ?? undefined);
      } catch (error) {
        if (error instanceof StoreInputError && error.field[0] !== 'id' && error.field[0] !== 'expectedVersion' && error.field[0] !== 'position') {
          throw new UserInputError(inputPath(error.field, body, 'section'), error.message);
        }
        throw error;
      }
      return findExplainer(db, { id: explainerId }, 'preview');
    });
  }

  @Mutation(() => Explainer, { description: 'Editor.' })
  removeSection(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('slug') slug: string,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db, actor) => {
      const explainerId = idOf('Explainer', explainer, 'explainer');
      await removeSection(db, { explainerId, expectedVersion, actor, action: 'remove section' }, checkSlug('slug', slug));
      return findExplainer(db, { id: explainerId }, 'preview');
    });
  }

  @Mutation(() => Explainer, { description: 'slugs lists every section once, in the new order. Editor.' })
  reorderSections(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('slugs', () => [String]) slugs: string[],
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db, actor) => {
      const explainerId = idOf('Explainer', explainer, 'explainer');
      await reorderSections(db, { explainerId, expectedVersion, actor, action: 'reorder sections' }, slugs);
      return findExplainer(db, { id: explainerId }, 'preview');
    });
  }

  @Mutation(() => Quote, { description: 'A quote to reference from a section (a quote block, or an inline quote mark). Editor.' })
  createQuote(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: CreateQuoteInput,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db, actor) => {
      const speakerIds = input.speakers.map((s, i) => idOf('Entity', s, ['input', 'speakers', i]));
      const sourceId = input.source == null ? null : idOf('Source', input.source, ['input', 'source']);
      const [unknown] = await missingIds(db, 'entities', speakerIds);
      if (unknown) throw new UserInputError(['input', 'speakers', speakerIds.indexOf(unknown)], 'no such entity');
      if (sourceId && (await missingIds(db, 'sources', [sourceId])).length) throw new UserInputError(['input', 'source'], 'no such source');
      const change = { explainerId: idOf('Explainer', explainer, 'explainer'), expectedVersion, actor, action: 'create quote' };
      return createQuote(db, change, { kind: input.inline ? 'inline' : 'block', speakerIds, sourceId });
    });
  }

  @Mutation(() => Explainer, { description: 'Makes the working copy its next release, which readers see from now on. Publisher.' })
  publishExplainer(@Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: Context) {
    return this.setStatus(ctx, id, expectedVersion, 'published');
  }

  @Mutation(() => Explainer, { description: 'Back to draft: readers see it nowhere from now on; its releases stay on record. Publisher.' })
  unpublishExplainer(@Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: Context) {
    return this.setStatus(ctx, id, expectedVersion, 'draft');
  }

  @Mutation(() => Explainer, { description: 'Retired: no longer public, kept with its history. Publisher.' })
  archiveExplainer(@Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: Context) {
    return this.setStatus(ctx, id, expectedVersion, 'archived');
  }

  @Mutation(() => Correction, {
    description: 'A dated correction, published at once as a release of its own wherever the explainer is public (other edits stay unpublished). Publisher.',
  })
  addCorrection(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('text') text: string,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'publisher', (db, actor, changed) =>
      correctExplainer(
        db,
        { explainerId: idOf('Explainer', explainer, 'explainer'), expectedVersion, actor, action: 'add correction' },
        checkText('text', text, limits.correction),
        changed,
      ),
    );
  }

  @Mutation(() => Explainer, {
    description: 'Brings back the content (fields and sections) of an earlier version into the working copy, as a new version; readers see it once published. Editor.',
  })
  restoreRevision(
    @Arg('explainer', () => ID) explainer: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', (db, actor) =>
      restoreRevision(db, { explainerId: idOf('Explainer', explainer, 'explainer'), expectedVersion, actor, action: `restore version ${version}` }, version),
    );
  }

  private setStatus(ctx: Context, id: string, expectedVersion: number, status: 'draft' | 'published' | 'archived') {
    const action = { draft: 'unpublish', published: 'publish', archived: 'archive' }[status];
    return write(ctx, 'publisher', (db, actor, changed) => {
      const change = { explainerId: idOf('Explainer', id, 'id'), expectedVersion, actor, action };
      return status === 'published' ? publishExplainer(db, change, changed) : withdrawExplainerFromReaders(db, change, status, changed);
    });
  }
}
