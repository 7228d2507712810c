import { cardDismissSuite } from './card-dismiss-suite.ts';

cardDismissSuite('chromium');
