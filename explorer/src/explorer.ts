/**
 * The GraphQL explorer: GraphiQL, bundled with everything it loads, so that it runs from Backstory's
 * own origin under the same strict Content-Security-Policy as our other pages.
 */
import 'graphiql/style.css';
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// Monaco asks for a worker by language; ours are built beside this file, never fetched from elsewhere.
const here = (document.currentScript as HTMLScriptElement).src;
const workers: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => new Worker(new URL(workers[label] ?? 'editor.worker.js', here)),
};

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).href });
createRoot(document.getElementById('explorer')!).render(createElement(GraphiQL, { fetcher }));
