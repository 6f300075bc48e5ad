import { httpFuzzRoutes, httpFuzzSuite } from './support/fuzz';

/** The HTTP fuzz, part 3 of 3: metrics and the apps' static files, with path traversal (see support/fuzz.ts). */
httpFuzzSuite(httpFuzzRoutes('static'));
