import '../../../src/testing/isolate-tabs.js';
import { remainingAccountScenario } from '../../support/real-remaining-account.js';

remainingAccountScenario('touch connection dropped', { drop: true });
