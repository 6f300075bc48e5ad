import { httpFuzzRoutes, httpFuzzSuite } from './support/fuzz';

/** The HTTP fuzz, part 2 of 3: health, the public reads and printing (see support/fuzz.ts). */
httpFuzzSuite(httpFuzzRoutes('reads'));
