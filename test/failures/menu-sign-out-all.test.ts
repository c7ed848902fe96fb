import '../../src/testing/isolate-tabs.js';
import { menuSignOutAll } from './support/actions.js';
import { faultMatrix } from './support/fault-matrix.js';

faultMatrix(menuSignOutAll);
