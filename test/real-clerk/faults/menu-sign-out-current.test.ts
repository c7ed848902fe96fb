import '../../../src/testing/isolate-tabs.js';
import { menuSignOutCurrent } from '../../support/real-sign-out-actions.js';
import { faultMatrix } from '../../support/real-fault-matrix.js';

faultMatrix(menuSignOutCurrent);
