import '../../src/testing/isolate-tabs.js';
import { buttonSignOutAll } from './support/actions.js';
import { faultMatrix } from './support/fault-matrix.js';

faultMatrix(buttonSignOutAll);
