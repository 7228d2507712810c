import { senderSuite } from './sender-suite.ts';

senderSuite('firefox');
