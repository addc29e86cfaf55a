import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository: the nearest folder above this module with a package.json. Found rather than
 * assumed because this module runs both from api/http (ts-jest) and from dist/api/http (npm start).
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
