// clerk-emulator.mjs: run `node clerk-emulator.mjs` beside the dev server you already use (webpack, Rails, Django, …).
import { demoSeed, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

// A free port, so it never fights another server for one (`node clerk-emulator.mjs 4010` asks for that one).
// Without a seed nobody is signed in; demoSeed signs Ada Lovelace in (again after every reset).
const port = Number(process.argv[2] ?? 0);
const { publishableKey, proxyUrl } = await startClerkEmulator({ port, seed: demoSeed });
console.log(`Clerk emulator ready: <clerk-provider publishable-key="${publishableKey}" proxy-url="${proxyUrl}">`);
