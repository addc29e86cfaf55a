/** The public addresses of the pages readers reach: GraphQL, webhooks and pages all name them so. */
import type { Config } from '../config';

/** The default edition's address is bare: its page negotiates, and old links keep working. */
export function explainerPageUrl(config: Pick<Config, 'publicUrl' | 'locales'>, slug: string, locale: string): string {
  const query = locale === config.locales[0] ? '' : `?locale=${encodeURIComponent(locale)}`;
  return `${config.publicUrl}/explainers/${slug}${query}`;
}

export function entityPageUrl(config: Pick<Config, 'publicUrl'>, slug: string): string {
  return `${config.publicUrl}/entities/${slug}`;
}
