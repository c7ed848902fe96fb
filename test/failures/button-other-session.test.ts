import '../../src/testing/isolate-tabs.js';
import { buttonOtherSession } from './support/actions.js';
import { faultMatrix } from './support/fault-matrix.js';

faultMatrix(buttonOtherSession);
