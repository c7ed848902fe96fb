// clerk-emulator.mjs: run `node clerk-emulator.mjs` beside the dev server you already use (webpack, Rails, Django, …).
import { demoSeed, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

// Without a seed nobody is signed in; demoSeed signs Ada Lovelace in (again after every reset).
const { publishableKey, proxyUrl } = await startClerkEmulator({ port: 4010, seed: demoSeed });
console.log(`Clerk emulator ready: <clerk-provider publishable-key="${publishableKey}" proxy-url="${proxyUrl}">`);
