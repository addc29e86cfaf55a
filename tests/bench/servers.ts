/**
 * The two baselines the read-path bench compares Backstory with, each in its own process:
 *   node dist/bench/servers.js http <port> <file> [headers.json]   plain node:http answering the file's bytes,
 *                                                                 with those headers if given
 *   node dist/bench/servers.js apollo <port> <file>   a bare Apollo Server answering the file's JSON from memory
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLJSON } from 'graphql-scalars';

const [kind, port, file, headersFile] = process.argv.slice(2);
const bytes = readFileSync(file);

if (kind === 'http') {
  const headers: Record<string, string> = headersFile
    ? (JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string>)
    : { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) };
  createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(bytes);
  }).listen(Number(port), '127.0.0.1', () => console.log('ready'));
} else {
  const box = (JSON.parse(bytes.toString('utf8')) as { data: { contextBox: unknown } }).data.contextBox;
  const server = new ApolloServer({
    typeDefs: 'scalar JSON\ntype Query { contextBox(explainer: String): JSON }',
    resolvers: { JSON: GraphQLJSON, Query: { contextBox: () => box } },
  });
  void startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } }).then(() => console.log('ready'));
}
