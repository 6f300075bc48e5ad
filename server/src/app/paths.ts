import { fileURLToPath } from 'node:url';

/** The repository (installation) root: config/, data/ and apps/ live under it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
