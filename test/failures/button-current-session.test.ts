import '../../src/testing/isolate-tabs.js';
import { buttonCurrentSession } from './support/actions.js';
import { faultMatrix } from './support/fault-matrix.js';

faultMatrix(buttonCurrentSession);
