import { welcomeSuite } from './welcome-suite.ts';

welcomeSuite('chromium');
