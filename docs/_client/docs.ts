// Every docs page: the package's elements (this repository's source, as `clerk-sign-out-elements`), the live examples
// and the token playground.
import 'clerk-sign-out-elements';
import './example.js';
import './playground.js';
