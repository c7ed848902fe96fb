// Every state the provider hands to the elements, as an element inside it receives them (the context protocol, subscribed).
import { ContextEvent } from '@lit/context';
import { clerkContext } from '../../src/clerk/context.js';

/** The user id of every state reported from now on (`null`: signed out, `undefined`: not known yet), until `stop()`. */
export function watchProviderUsers(inside: Element): { users: Array<string | null | undefined>; stop(): void } {
  const users: Array<string | null | undefined> = [];
  let unsubscribe: (() => void) | undefined;
  let first = true;
  inside.dispatchEvent(
    new ContextEvent(
      clerkContext,
      inside,
      (state, dispose) => {
        unsubscribe = dispose;
        // The answer to the request itself is the current state, not a change.
        if (first) return void (first = false);
        users.push(state.user === null ? null : state.user?.id);
      },
      true,
    ),
  );
  return { users, stop: () => unsubscribe?.() };
}
