import { cardLayoutSuite } from './card-layout-suite.ts';

cardLayoutSuite('firefox');
