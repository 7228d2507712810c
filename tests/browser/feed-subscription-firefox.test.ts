import { feedSubscriptionSuite } from './feed-subscription-suite.ts';

feedSubscriptionSuite('firefox');
