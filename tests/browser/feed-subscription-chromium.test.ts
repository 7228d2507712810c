import { feedSubscriptionSuite } from './feed-subscription-suite.ts';

feedSubscriptionSuite('chromium');
