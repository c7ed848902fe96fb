// In-page half of rows 2, 3 and 5: runs against the SHIPPED CDN module (production Lit) and the fake Clerk.
// bench/lib/page-bench.mjs calls these through puppeteer; every function returns plain data.
import '/cdn/clerk-sign-out-elements.js';
import { FakeClerk } from '/fake/fake-clerk.js';

/** The elements that render a trigger, in the order they are reported (the menu only once it exists). */
export const triggerTags = () => ['clerk-user-menu', 'clerk-sign-out-button'].filter((tag) => customElements.get(tag));
export const allTags = () =>
  [
    'clerk-provider',
    'clerk-sign-out-button',
    'clerk-user-menu',
    'clerk-signed-in',
    'clerk-signed-out',
    'clerk-idle-sign-out',
  ].filter((tag) => customElements.get(tag));

const trigger = (el) => el.shadowRoot?.querySelector('[part~="trigger"], [part~="button"]');

/** Waits until none of the elements has an update pending (an update may schedule another). */
async function settle(elements) {
  while (!(await Promise.all(elements.map((el) => el.updateComplete))).every(Boolean));
}

function mount(children, clerk) {
  const provider = document.createElement('clerk-provider');
  if (clerk) provider.clerk = clerk;
  provider.append(...children);
  document.body.append(provider);
  return provider;
}

/** Row 2: from handing the provider a loaded, signed-in Clerk to the trigger in the DOM with its layout computed. */
export async function firstRender(tag, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const el = document.createElement(tag);
    const provider = mount([el]);
    await settle([provider, el]);
    const clerk = FakeClerk.signedIn();
    const start = performance.now();
    provider.clerk = clerk;
    await settle([provider, el]);
    const button = trigger(el);
    if (!button) throw new Error(`<${tag}> rendered no trigger`);
    button.getBoundingClientRect();
    times.push(performance.now() - start);
    provider.remove();
  }
  return times;
}

/** Row 3: `count` of each trigger element under one provider; one user switch; time until all re-rendered + layout. */
export async function fanOut(count, runs, tags = triggerTags()) {
  const clerk = FakeClerk.multiSession(2);
  const sessions = clerk.client.signedInSessions;
  const elements = tags.flatMap((tag) => Array.from({ length: count }, () => document.createElement(tag)));
  const provider = mount(elements, clerk);
  await settle([provider, ...elements]);
  const rendered = elements.filter(trigger).length;
  const times = [];
  for (let run = 0; run < runs; run++) {
    const session = sessions[(run + 1) % 2];
    const start = performance.now();
    await clerk.setActive({ session: session.id });
    await settle(elements);
    document.body.getBoundingClientRect();
    times.push(performance.now() - start);
    if (provider.state.user?.id !== session.user.id) throw new Error('the provider did not see the user switch');
  }
  const result = { elements: elements.length, rendered, subscriptions: clerk.listenerCount, times };
  provider.remove();
  return result;
}

/**
 * Row 3's floor: a closed menu's DOM copied by hand into `count` plain shadow roots that adopt the menu's own
 * stylesheets, and the writes a user switch makes in it (the avatar's colour and initials), with the same forced
 * layout. No Lit, no context, no Clerk: what the browser alone needs for that change.
 */
export async function fanOutByHand(count, runs) {
  const clerk = FakeClerk.multiSession(2);
  const menu = document.createElement('clerk-user-menu');
  const provider = mount([menu], clerk);
  const users = [];
  for (const session of clerk.client.signedInSessions) {
    await clerk.setActive({ session: session.id });
    await settle([provider, menu]);
    const avatar = menu.shadowRoot.querySelector('[part~="avatar"]');
    users.push({ style: avatar.getAttribute('style'), initials: avatar.lastElementChild.dataset.initials });
  }
  const markup = menu.shadowRoot.innerHTML;
  const sheets = customElements.get('clerk-user-menu').elementStyles.map((style) => style.styleSheet);
  provider.remove();
  const container = document.createElement('div');
  const avatars = Array.from({ length: count }, () => {
    const host = container.appendChild(document.createElement('span'));
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    root.innerHTML = markup;
    return root.querySelector('[part~="avatar"]');
  });
  document.body.append(container);
  document.body.getBoundingClientRect();
  const times = [];
  for (let run = 0; run < runs; run++) {
    const { style, initials } = users[run % 2];
    const start = performance.now();
    for (const avatar of avatars) {
      avatar.setAttribute('style', style);
      avatar.lastElementChild.dataset.initials = initials;
    }
    document.body.getBoundingClientRect();
    times.push(performance.now() - start);
  }
  container.remove();
  return times;
}

/** The element that has focus, looking through shadow roots. */
function deepActiveElement() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Row 3b: a closed menu renders no popup content, so its first open renders it: from the click on the trigger to the
 * first item focused, with the popup laid out. A new menu each run.
 */
export async function firstOpen(runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const el = document.createElement('clerk-user-menu');
    const provider = mount([el], FakeClerk.multiSession(2));
    await settle([provider, el]);
    const button = trigger(el);
    const start = performance.now();
    button.click();
    await settle([el]);
    const focused = deepActiveElement();
    if (!focused?.matches('[role="menuitem"]')) throw new Error('the first open focused no item');
    focused.getBoundingClientRect();
    times.push(performance.now() - start);
    provider.remove();
  }
  return times;
}

let leak;

/** Row 5, step 1: a provider with a signed-in fake Clerk (none for the provider's own cycles). */
export async function leakSetup(tag) {
  const clerk = FakeClerk.signedIn();
  const provider = tag === 'clerk-provider' ? undefined : mount([], clerk);
  if (provider) await settle([provider]);
  leak = { tag, clerk, provider, subscriptionsBefore: provider?.context.subscriptions.size ?? 0 };
}

/** Row 5, step 2: connect, render and disconnect the element `cycles` times. */
export async function leakCycles(cycles) {
  const { tag, clerk, provider } = leak;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const el = document.createElement(tag);
    if (!provider) el.clerk = clerk; // the provider's own cycles: it subscribes to Clerk each time
    (provider ?? document.body).append(el);
    await settle([el]);
    el.remove();
  }
}

/** Row 5, step 3: what the cycles left behind in Clerk and in the provider's context. */
export function leakResult() {
  const { clerk, provider, subscriptionsBefore } = leak;
  const result = {
    clerkListenersLeft: clerk.listenerCount - (provider ? 1 : 0),
    contextSubscriptionsLeft: provider ? provider.context.subscriptions.size - subscriptionsBefore : 0,
  };
  provider?.remove();
  leak = undefined;
  return result;
}

/** Waits (microtasks, then macrotasks) until `done()` holds: the devices list arrives through promises, not one update. */
async function until(done, what) {
  const deadline = performance.now() + 5000;
  for (let turn = 0; !done(); turn++) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what}`);
    await (turn < 200 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)));
  }
}

const rows = (el) => el.shadowRoot?.querySelectorAll('[part~="device"]').length ?? 0;

/** <clerk-active-devices>, from handing the provider a signed-in Clerk (this device + 3 others) to the list laid out. */
export async function devicesFirstRender(runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const el = document.createElement('clerk-active-devices');
    const provider = mount([el]);
    await settle([provider, el]);
    const clerk = FakeClerk.signedIn();
    for (let device = 0; device < 3; device++) clerk.addDevice();
    const start = performance.now();
    provider.clerk = clerk;
    await until(() => rows(el) === 4, 'four rows');
    el.getBoundingClientRect();
    times.push(performance.now() - start);
    provider.remove();
  }
  return times;
}

/**
 * Signing one other device out through the element (event, guard, revoke, the list read again, re-render)
 * against the same fake Frontend API calls made directly (`session.revoke()`, then `user.getSessions()` again).
 */
export async function revokeOverhead(runs) {
  const element = [];
  const direct = [];
  for (let run = 0; run < runs; run++) {
    const clerk = FakeClerk.signedIn();
    const [a, b] = [clerk.addDevice(), clerk.addDevice()];
    const el = document.createElement('clerk-active-devices');
    const provider = mount([el], clerk);
    await until(() => rows(el) === 3, 'three rows');
    let start = performance.now();
    await el.signOutDevices([a]);
    await until(() => rows(el) === 2, 'two rows');
    element.push(performance.now() - start);
    provider.remove();

    const sessions = await clerk.user.getSessions();
    start = performance.now();
    await sessions.find((session) => session.id === b).revoke();
    clerk.user.cachedSessionsWithActivities = null;
    await clerk.user.getSessions();
    direct.push(performance.now() - start);
  }
  return { element, direct };
}
