import { cardSuite } from './card-suite.ts';

cardSuite('chromium');
