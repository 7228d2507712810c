import { sampleArticleSuite } from './sample-article-suite.ts';

sampleArticleSuite('firefox');
