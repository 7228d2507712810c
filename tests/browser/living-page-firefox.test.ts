import { livingPageSuite } from './living-page-suite.ts';

livingPageSuite('firefox');
