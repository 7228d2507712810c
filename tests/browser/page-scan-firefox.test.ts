import { pageScanSuite } from './page-scan-suite.ts';

pageScanSuite('firefox');
