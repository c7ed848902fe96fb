import '../../src/testing/isolate-tabs.js';
import { menuSignOutCurrent } from './support/actions.js';
import { faultMatrix } from './support/fault-matrix.js';

faultMatrix(menuSignOutCurrent);
