import '../../../src/testing/isolate-tabs.js';
import { remainingAccountScenario } from '../../support/real-remaining-account.js';

remainingAccountScenario('touch answers 500', { status: 500 });
