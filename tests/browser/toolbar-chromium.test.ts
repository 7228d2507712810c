import { toolbarSuite } from './toolbar-suite.ts';

toolbarSuite('chromium');
