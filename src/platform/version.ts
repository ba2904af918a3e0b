import { readFileSync } from 'node:fs';

/** The product version from package.json (src/platform and dist/platform both sit two levels below the package root). */
export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
