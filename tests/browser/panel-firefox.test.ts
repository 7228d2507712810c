import { panelArabicSuite } from './panel-arabic-suite.ts';
import { panelSuite } from './panel-suite.ts';

panelSuite('firefox');
panelArabicSuite('firefox');
