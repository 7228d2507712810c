import { pageScanSuite } from './page-scan-suite.ts';

pageScanSuite('chromium');
