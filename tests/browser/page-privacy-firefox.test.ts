import { pagePrivacySuite } from './page-privacy-suite.ts';

pagePrivacySuite('firefox');
