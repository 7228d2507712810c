import { corpusSuite } from './page-corpus-suite.ts';

corpusSuite('firefox');
