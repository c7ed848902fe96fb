import '../../../src/testing/isolate-tabs.js';
import { menuSignOutAll } from '../../support/real-sign-out-actions.js';
import { faultMatrix } from '../../support/real-fault-matrix.js';

faultMatrix(menuSignOutAll);
