/**
 * Generated interleavings of the sign-out flow, with fast-check on the fake Clerk: random sequences of clicks
 * on several elements and menu items, vetoes (the events page's confirm recipe included), faults of EVERY request a flow
 * makes (the sign-out, then the client reload, the activation of the session to show and its touch), the browser going
 * offline and back (during a request too), Frontend API answers in any order (fast-check's scheduler decides when each
 * fake request answers), the menu opened and closed, element removal, `.clerk` swaps and sessions ending in another
 * tab. After every step and every published state:
 * - at most one Frontend API call in flight per Clerk;
 * - `signed-out` only when every session it names is gone on the fake server; `sign-out-error` only when one remains
 *   (or the server could not be asked: its reload failed);
 * - never signed-out content (`<clerk-signed-out>`, or a published `null` user) while a session is signed in on the
 *   server; the provider publishes a user the server has signed in, and while an action is in flight, the last settled
 *   one;
 * - every `sign-out` that is not vetoed ends in exactly one `signed-out` or `sign-out-error` (a refusal before it,
 *   offline or a bad attribute, in one `sign-out-error`);
 * - the page navigates once per `signed-out` that was not vetoed and has a `redirectUrl`, never for a dropped Clerk;
 * - accessibility: every failure of an element still in the page leaves a visible `role="alert"` or `role="status"`
 *   with text in the accessibility tree, whatever the menu's state;
 * - once the faults clear and the browser is online, an account is shown whenever the client has one signed in.
 * A second property interleaves the devices flows with app-initiated reads (`refresh()`) and `.clerk` swaps (below).
 *
 * Seeded (DEFAULT_SEED); to replay a failure, put fast-check's reported seed in test/unit/sign-out/interleavings.seed (an
 * untracked file) and run `npx web-test-runner test/unit/sign-out/interleavings.test.ts`.
 */
import '../../../src/index.js';
import { ContextConsumer } from '@lit/context';
import fc from 'fast-check';
import { LitElement } from 'lit';
import type {
  ClerkProvider,
  ClerkSignOutButton,
  ClerkUserMenu,
  SignedOutEvent,
  SignOutErrorEvent,
  SignOutEvent,
} from '../../../src/index.js';
import { clerkContext, type ClerkState } from '../../../src/clerk/context.js';
import { isBusy } from '../../../src/flows/action-lock.js';
import { FakeClerk, fakeUser, type FakeCall } from '../../../src/testing/index.js';
import { OfflineError } from '../../../src/contract/errors.js';
import { announcedMessages } from '../../support/announced.js';
import { simulateOffline } from '../../support/offline.js';
import { checkSeeded, seedFrom } from '../../support/seeded-check.js';

const DEFAULT_SEED = 10_2026;
const RUNS = 2000;

/** Reports each state the provider publishes to the run's checker, as it arrives. */
class StateWatch extends LitElement {
  onState?: (state: ClerkState) => void;
  readonly consumer = new ContextConsumer(this, {
    context: clerkContext,
    subscribe: true,
    callback: (state) => this.onState?.(state),
  });
}
customElements.define('test-state-watch', StateWatch);

type Target =
  'button-all' | 'button-current' | 'button-session' | 'menu-sign-out' | 'menu-sign-out-all' | 'menu-switch';
type Step =
  | { kind: 'click'; target: Target }
  | { kind: 'veto'; mode: 'none' | 'veto' | 'confirm-yes' | 'confirm-no' }
  | { kind: 'veto-redirect'; on: boolean }
  | { kind: 'fault'; fault: Fault }
  | { kind: 'network'; online: boolean }
  | { kind: 'menu-open'; open: boolean }
  | { kind: 'answer'; count: number }
  | { kind: 'remove' | 're-add'; element: number }
  | { kind: 'swap'; to: 'new-clerk' | 'none' }
  | { kind: 'elsewhere'; what: 'all' | 'one' | 'sign-in' };

type Fault =
  | '500'
  | '401-ended-elsewhere'
  | 'swallowed'
  | 'network-and-reload-fails'
  | 'activation-fails'
  | 'activation-lost'
  | 'reload-fails'
  | 'reload-lost';

const FAULTS: Fault[] = [
  '500',
  '401-ended-elsewhere',
  'swallowed',
  'network-and-reload-fails',
  'activation-fails',
  'activation-lost',
  'reload-fails',
  'reload-lost',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('click' as const),
      target: fc.constantFrom<Target>(
        'button-all',
        'button-current',
        'button-session',
        'menu-sign-out',
        'menu-sign-out-all',
        'menu-switch',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('veto' as const),
      mode: fc.constantFrom('none' as const, 'veto' as const, 'confirm-yes' as const, 'confirm-no' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('veto-redirect' as const), on: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('network' as const), online: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('menu-open' as const), open: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('remove' as const, 're-add' as const), element: fc.nat(3) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('swap' as const),
      to: fc.constantFrom('new-clerk' as const, 'none' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('elsewhere' as const),
      what: fc.constantFrom('all' as const, 'one' as const, 'sign-in' as const),
    }),
  },
);

/** One page: a provider, three buttons, a menu and a watcher; the checker records every violation it sees. */
class Run {
  readonly provider = document.createElement('clerk-provider') as ClerkProvider;
  readonly elements: HTMLElement[];
  readonly menu: ClerkUserMenu;
  readonly clerks: FakeClerk[] = [];
  readonly violations: string[] = [];
  clerk: FakeClerk | undefined;
  vetoMode: Extract<Step, { kind: 'veto' }>['mode'] = 'none';
  vetoRedirect = false;
  signOuts: SignOutEvent[] = [];
  outcomes: Array<SignedOutEvent | SignOutErrorEvent> = [];
  /** Navigations of Clerks after their provider dropped them. */
  retiredNavigations = 0;
  /** Failures (`sign-out-error`) of elements still in the page, to check what the page announced after the step. */
  failuresToAnnounce: EventTarget[] = [];
  /** Failures checked for an announcement (the menu's too, open or closed). */
  announcementsChecked = 0;
  /** Outcomes dispatched while the click that started the flow was being handled: refusals, nothing sent before them. */
  refusals = 0;
  #confirmed = false;
  #clicking = false;
  #settledUser = new Map<FakeClerk, unknown>();
  /** Reload faults queued and not yet used, per Clerk, and the Clerks whose current flow could not ask the server. */
  #reloadFaults = new Map<FakeClerk, number>();
  #unaskable = new Set<FakeClerk>();
  #online: (() => void) | undefined;

  constructor(
    private readonly scheduler: fc.Scheduler,
    users: number,
  ) {
    this.clerk = this.#newClerk(users);
    const session = this.clerk.client!.signedInSessions[1]?.id ?? this.clerk.client!.signedInSessions[0].id;
    this.provider.innerHTML = `
      <clerk-sign-out-button></clerk-sign-out-button>
      <clerk-sign-out-button scope="current"></clerk-sign-out-button>
      <clerk-sign-out-button session-id="${session}"></clerk-sign-out-button>
      <clerk-user-menu redirect-url="/after"></clerk-user-menu>
      <clerk-signed-out><p>signed out</p></clerk-signed-out>
      <test-state-watch></test-state-watch>`;
    this.elements = [...this.provider.children].slice(0, 4) as HTMLElement[];
    this.menu = this.elements[3] as ClerkUserMenu;
    (this.provider.lastElementChild as StateWatch).onState = (state) => this.#checkPublished(state);
    this.provider.clerk = this.clerk;
    for (const type of ['sign-out', 'signed-out', 'sign-out-error'] as const)
      document.addEventListener(type, this.#onEvent);
    document.body.append(this.provider);
  }

  async apply(action: Step): Promise<void> {
    switch (action.kind) {
      case 'click':
        return this.#click(action.target);
      case 'veto':
        this.vetoMode = action.mode;
        return;
      case 'veto-redirect':
        this.vetoRedirect = action.on;
        return;
      case 'fault':
        return this.#fault(action.fault);
      case 'network':
        return this.#network(action.online);
      case 'menu-open':
        this.menu.open = action.open;
        return;
      case 'answer':
        for (let i = 0; i < action.count && this.scheduler.count() > 0; i++) {
          await this.scheduler.waitOne();
          await flush();
          await this.checkAfterStep();
        }
        return;
      case 'remove':
        this.elements[action.element].remove();
        return;
      case 're-add':
        if (!this.elements[action.element].isConnected) this.provider.prepend(this.elements[action.element]);
        return;
      case 'swap':
        this.clerk = action.to === 'none' ? undefined : this.#newClerk(2);
        this.provider.clerk = this.clerk;
        return;
      case 'elsewhere':
        return this.#elsewhere(action.what);
    }
  }

  /** Lets every scheduled answer arrive, in the scheduler's order, until nothing is in flight. */
  async drain(): Promise<void> {
    for (let round = 0; round < 500; round++) {
      await flush();
      await this.checkAfterStep();
      if (this.scheduler.count() === 0) return;
      await this.scheduler.waitOne();
    }
    this.violations.push('the flows did not settle within 500 answers');
  }

  async checkAfterStep(): Promise<void> {
    for (const clerk of this.clerks) {
      if (clerk.maxCallsInFlight > 1)
        this.violations.push(`${clerk.maxCallsInFlight} Frontend API calls in flight at once`);
    }
    const signedOut = this.provider.querySelector('clerk-signed-out') as unknown as { active: boolean };
    const server = this.clerk?.serverSessionIds ?? [];
    if (signedOut.active && server.length) this.violations.push(`<clerk-signed-out> shown, the server has ${server}`);
    const failed = this.failuresToAnnounce.splice(0);
    if (!failed.length) return;
    for (const element of this.elements) await (element as LitElement).updateComplete;
    this.announcementsChecked++;
    if (!announcedMessages().length)
      this.violations.push(`a failure left no visible role=alert/status (menu ${this.menu.open ? 'open' : 'closed'})`);
  }

  /** The faults clear and the browser is online: whenever the client has a signed-in session, an account shows. */
  async checkEventuallyShown(): Promise<void> {
    for (const clerk of this.clerks) clerk.clearFaults();
    this.#network(true);
    window.dispatchEvent(new Event('focus'));
    await this.drain();
    const clerk = this.clerk;
    if (clerk?.client?.signedInSessions.length && !this.provider.state.user)
      this.violations.push(
        `no account shown once the faults cleared, the client has ${clerk.client.signedInSessions.map((s) => s.id)}`,
      );
  }

  checkAtEnd(): void {
    const notVetoed = this.signOuts.filter((event) => !event.defaultPrevented).length;
    const flowOutcomes = this.outcomes.length - this.refusals;
    if (notVetoed !== flowOutcomes) this.violations.push(`${notVetoed} sign-out not vetoed, ${flowOutcomes} outcomes`);
    const expected = this.outcomes.filter(
      (event) => event.type === 'signed-out' && !event.defaultPrevented && (event as SignedOutEvent).detail.redirectUrl,
    ).length;
    const navigations = this.clerks.reduce((sum, clerk) => sum + clerk.navigations.length, 0);
    if (navigations !== expected)
      this.violations.push(`${navigations} navigations for ${expected} signed-out to follow`);
    if (this.retiredNavigations) this.violations.push(`${this.retiredNavigations} navigations by a dropped Clerk`);
  }

  dispose(): void {
    for (const type of ['sign-out', 'signed-out', 'sign-out-error'] as const)
      document.removeEventListener(type, this.#onEvent);
    this.provider.remove();
    this.#network(true);
  }

  #newClerk(users: number): FakeClerk {
    const clerk: FakeClerk = new FakeClerk({
      users: Array.from({ length: users }, () => fakeUser()),
      latency: (call): Promise<unknown> => this.#answer(clerk, call),
    });
    clerk.offline = !!this.#online;
    const navigate = clerk.navigate.bind(clerk);
    clerk.navigate = async (to) => {
      if (clerk !== this.clerk) this.retiredNavigations++;
      return navigate(to);
    };
    this.clerks.push(clerk);
    return clerk;
  }

  /** One fake Frontend API answer, when the scheduler says; notes whether a reload could not ask the server. */
  #answer(clerk: FakeClerk, call: FakeCall): Promise<unknown> {
    if (call === 'signOut') this.#unaskable.delete(clerk);
    if (call === 'reload') {
      const queued = this.#reloadFaults.get(clerk) ?? 0;
      if (queued || clerk.offline) this.#unaskable.add(clerk);
      if (queued) this.#reloadFaults.set(clerk, queued - 1);
    }
    return this.scheduler.schedule(Promise.resolve(call), call);
  }

  async #click(target: Target): Promise<void> {
    if (target.startsWith('button')) {
      const index = ['button-all', 'button-current', 'button-session'].indexOf(target);
      this.#clickNow(this.elements[index].shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]'));
      return;
    }
    if (!this.menu.isConnected) return;
    this.menu.open = true;
    await this.menu.updateComplete;
    const part = { 'menu-sign-out': 'sign-out', 'menu-sign-out-all': 'sign-out-all', 'menu-switch': 'switch-account' }[
      target as 'menu-sign-out' | 'menu-sign-out-all' | 'menu-switch'
    ];
    this.#clickNow(this.menu.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`));
  }

  /** A refusal (offline, a bad attribute) is reported while the click is handled: nothing was about to be sent. */
  #clickNow(control: HTMLElement | null | undefined): void {
    this.#clicking = true;
    try {
      control?.click();
    } finally {
      this.#clicking = false;
    }
  }

  /** The browser goes offline (every call answered from now on reaches no server) or comes back. */
  #network(online: boolean): void {
    if (online === !this.#online) return;
    if (online) {
      for (const clerk of this.clerks) clerk.offline = false;
      this.#online!();
      this.#online = undefined;
    } else {
      this.#online = simulateOffline();
      for (const clerk of this.clerks) clerk.offline = true;
    }
  }

  #fault(fault: Fault): void {
    const clerk = this.clerk;
    if (!clerk) return;
    const queueReloadFault = () => this.#reloadFaults.set(clerk, (this.#reloadFaults.get(clerk) ?? 0) + 1);
    if (fault === '500') clerk.failNextSignOut();
    if (fault === '401-ended-elsewhere')
      clerk.failNextSignOut(Object.assign(new Error('Unauthorized'), { status: 401 }), { endedOnServer: true });
    if (fault === 'swallowed') clerk.swallowNextSignOut();
    // The network is down: neither the sign-out nor the reload after it reaches the server, which keeps the sessions.
    // (A server that ended them but cannot be asked is unknowable to any page: the flow then reports the error.)
    if (fault === 'network-and-reload-fails') {
      clerk.failNextSignOut(new Error('ClerkJS: Network error'), { reloadFails: true });
      queueReloadFault();
    }
    // The follow-ups: activating the session to show (its touch fails, or clerk-js 5 switches locally anyway), and
    // the client reload that asks the server what is left.
    if (fault === 'activation-fails') clerk.fault('setActive', 'error');
    if (fault === 'activation-lost') clerk.fault('setActive', 'lost');
    if (fault === 'reload-fails' || fault === 'reload-lost') {
      clerk.fault('reload', fault === 'reload-fails' ? 'error' : 'lost');
      queueReloadFault();
    }
  }

  #elsewhere(what: Extract<Step, { kind: 'elsewhere' }>['what']): void {
    const clerk = this.clerk;
    if (!clerk) return;
    if (what === 'sign-in') clerk.signInElsewhere();
    else if (what === 'all') clerk.endAllSessionsElsewhere();
    else {
      const sessions = clerk.client?.signedInSessions ?? [];
      if (sessions.length) clerk.endSessionElsewhere(sessions[sessions.length - 1].id);
    }
  }

  #onEvent = (event: Event): void => {
    if (event.type === 'sign-out') return this.#onSignOut(event as SignOutEvent);
    const outcome = event as SignedOutEvent | SignOutErrorEvent;
    this.outcomes.push(outcome);
    if (this.#clicking) this.refusals++;
    // A failure of a Clerk the page no longer uses (a `.clerk` swap) concerns no one shown any more.
    const ofShownClerk = outcome.detail.sessionIds.some(
      (id) => this.clerk?.serverSessionIds.includes(id) || this.clerk?.client?.sessions.some((s) => s.id === id),
    );
    if (event.type === 'sign-out-error' && event.target !== document && ofShownClerk)
      this.failuresToAnnounce.push(event.target!);
    const ids = outcome.detail.sessionIds;
    const onServer = (id: string) => this.clerks.some((clerk) => clerk.serverSessionIds.includes(id));
    if (event.type === 'signed-out') {
      if (this.vetoRedirect) event.preventDefault();
      if (ids.some(onServer))
        this.violations.push(`signed-out for ${ids.filter(onServer)}, still signed in on the server`);
    } else if (!this.#clicking && !this.clerks.some((clerk) => this.#unaskable.has(clerk))) {
      if (!ids.length || !ids.every(onServer))
        this.violations.push(`sign-out-error for [${ids}], not all signed in on the server`);
    }
  };

  /** The events page's confirm recipe (for buttons; the menu has no signOut(), so it is vetoed). */
  #onSignOut(event: SignOutEvent): void {
    this.signOuts.push(event);
    if (this.vetoMode === 'none' || this.#confirmed) return;
    event.preventDefault();
    const button = event.target as Partial<ClerkSignOutButton>;
    if (this.vetoMode === 'confirm-yes' && button.signOut) {
      this.#confirmed = true;
      void button.signOut().finally(() => (this.#confirmed = false));
    }
  }

  #checkPublished(state: ClerkState): void {
    const clerk = state.clerk as FakeClerk | undefined;
    if (!clerk || state.status !== 'ready' || clerk !== this.clerk) return;
    if (isBusy(clerk)) {
      if (this.#settledUser.has(clerk) && state.user !== this.#settledUser.get(clerk)) {
        this.violations.push(`published ${state.user?.id ?? state.user} while a Clerk action was in flight`);
      }
      return;
    }
    this.#settledUser.set(clerk, state.user);
    const server = clerk.serverSessionIds;
    if (state.session === null && server.length) this.violations.push(`published nobody, the server has ${server}`);
    // Unless the server could not be asked (its reload failed): the page cannot know, and clerk-js learns it later.
    if (state.session && !server.includes(state.session.id) && !this.#unaskable.has(clerk))
      this.violations.push(`published ${state.session.id}, ended on the server`);
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('sign-out flow: generated interleavings', () => {
  it(`holds every invariant over ${RUNS} generated runs`, async function () {
    this.timeout(300_000);
    const started = performance.now();
    const runSeed = await seedFrom('./interleavings.seed', DEFAULT_SEED);
    let steps = 0;
    const seen = {
      'sign-out': 0,
      'signed-out': 0,
      'sign-out-error': 0,
      vetoed: 0,
      offline: 0,
      refused: 0,
      announced: 0,
    };
    const property = fc.asyncProperty(
      fc.scheduler(),
      fc.integer({ min: 1, max: 3 }),
      fc.array(step, { minLength: 1, maxLength: 14 }),
      async (scheduler, users, actions) => {
        const run = new Run(scheduler, users);
        try {
          await flush();
          for (const action of actions) {
            await run.apply(action);
            await flush();
            await run.checkAfterStep();
            steps++;
          }
          await run.drain();
          await run.checkAfterStep();
          run.checkAtEnd();
          await run.checkEventuallyShown();
          seen['sign-out'] += run.signOuts.length;
          seen.vetoed += run.signOuts.filter((event) => event.defaultPrevented).length;
          for (const outcome of run.outcomes) seen[outcome.type as 'signed-out' | 'sign-out-error']++;
          seen.offline += run.outcomes.filter(
            (event) => (event as SignOutErrorEvent).detail.error instanceof OfflineError,
          ).length;
          seen.refused += run.refusals;
          seen.announced += run.announcementsChecked;
          if (run.violations.length) throw new Error(`violated: ${run.violations.join('; ')}`);
        } finally {
          run.dispose();
        }
      },
    );
    await checkSeeded(property, {
      name: 'flow',
      seed: runSeed,
      runs: RUNS,
      started,
      steps: () => steps,
      summary: () => `events: ${JSON.stringify(seen)}`,
    });
  });
});

// ---- The devices property: device sign-outs (the list's rows, "all other devices" from the list, the button and
// the menu) interleaved with app-initiated reads (`refresh()`), `.clerk` swaps, account switches, vetoes, faults of
// the revocations and of the list reads (failed, or answered with what the server had when asked), answers in any
// order. Once quiet, the list shown is the server's list for the provider's current user (or its load failure, with
// a retry), and every failure leaves a visible role=alert/status.

type DevicesStep =
  | { kind: 'revoke-row'; row: number }
  | { kind: 'revoke-others'; from: 'list' | 'button' | 'menu' }
  | { kind: 'refresh' }
  | { kind: 'swap'; to: number }
  | { kind: 'switch' }
  | { kind: 'veto'; on: boolean }
  | { kind: 'fault'; fault: 'revoke-500' | 'revoke-lost' | 'list-failed' | 'list-stale' }
  | { kind: 'answer'; count: number };

const devicesStep: fc.Arbitrary<DevicesStep> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('revoke-row' as const), row: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('revoke-others' as const),
      from: fc.constantFrom('list' as const, 'button' as const, 'menu' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refresh' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), to: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('switch' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('veto' as const), on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.constantFrom(
        'revoke-500' as const,
        'revoke-lost' as const,
        'list-failed' as const,
        'list-stale' as const,
      ),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('answer' as const), count: fc.integer({ min: 1, max: 3 }) }) },
);

/** One page: a provider with `<clerk-active-devices>`, the bulk button and the menu; two Clerks to swap between. */
class DevicesRun {
  readonly provider = document.createElement('clerk-provider') as ClerkProvider;
  readonly list: HTMLElement & { refresh(): Promise<void>; updateComplete: Promise<unknown> };
  readonly menu: ClerkUserMenu;
  readonly clerks: FakeClerk[];
  readonly violations: string[] = [];
  /** Each device session: whose it is and the IP address its row shows (this client's sessions show 127.0.0.1). */
  readonly devices = new Map<string, { userId: string; ip: string }>();
  failures = 0;
  announcementsChecked = 0;
  quietChecks = 0;
  #veto = false;
  #failed: EventTarget[] = [];

  constructor(private readonly scheduler: fc.Scheduler) {
    const latency = (call: FakeCall) => this.scheduler.schedule(Promise.resolve(call), call);
    const ada = new FakeClerk({ users: [fakeUser(), fakeUser({ firstName: 'Grace' })], latency });
    const hopper = new FakeClerk({ users: [fakeUser({ firstName: 'Grace', lastName: 'Hopper' })], latency });
    this.clerks = [ada, hopper];
    let ip = 0;
    for (const clerk of this.clerks) {
      for (const session of clerk.client!.signedInSessions) {
        for (let i = 0; i < 2; i++) {
          const address = `198.51.100.${++ip}`;
          const id = clerk.addDevice({ userId: session.user!.id, activity: { ipAddress: address } });
          this.devices.set(id, { userId: session.user!.id, ip: address });
        }
      }
    }
    this.provider.innerHTML = `
      <clerk-active-devices></clerk-active-devices>
      <clerk-sign-out-button scope="other-devices"></clerk-sign-out-button>
      <clerk-user-menu sign-out-other-devices></clerk-user-menu>`;
    this.list = this.provider.children[0] as DevicesRun['list'];
    this.menu = this.provider.children[2] as ClerkUserMenu;
    this.provider.clerk = ada;
    document.addEventListener('device-sign-out', this.#onBefore);
    document.addEventListener('sign-out-error', this.#onFailure);
    document.body.append(this.provider);
  }

  get clerk(): FakeClerk {
    return this.provider.clerk as FakeClerk;
  }

  async apply(action: DevicesStep): Promise<void> {
    const shadow = (el: Element, part: string) => el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]`);
    switch (action.kind) {
      case 'revoke-row':
        return shadow(this.list, 'sign-out-device')?.[action.row]?.click();
      case 'revoke-others':
        if (action.from === 'list') return shadow(this.list, 'sign-out-others')?.[0]?.click();
        if (action.from === 'button') return shadow(this.provider.children[1], 'button')?.[0]?.click();
        this.menu.open = true;
        await this.menu.updateComplete;
        return shadow(this.menu, 'sign-out-other-devices')?.[0]?.click();
      case 'refresh':
        return void this.list.refresh();
      case 'swap':
        this.provider.clerk = this.clerks[action.to];
        return;
      case 'switch': {
        // The app switches accounts itself (Clerk's own UI, say): the list must follow the user shown.
        const other = this.clerk.client?.signedInSessions.find((session) => session.id !== this.clerk.session?.id);
        if (other) void this.clerk.setActive({ session: other.id });
        return;
      }
      case 'veto':
        this.#veto = action.on;
        return;
      case 'fault':
        if (action.fault === 'revoke-500') this.clerk.failNextRevoke();
        if (action.fault === 'revoke-lost') this.clerk.swallowNextRevoke();
        if (action.fault === 'list-failed') this.clerk.fault('getSessions', 'error');
        if (action.fault === 'list-stale') this.clerk.fault('getSessions', 'stale');
        return;
      case 'answer':
        for (let i = 0; i < action.count && this.scheduler.count() > 0; i++) {
          await this.scheduler.waitOne();
          await flush();
          await this.checkAfterStep();
        }
    }
  }

  /** Every answer in turn; each failure is checked right after the answer that caused it. */
  async drain(): Promise<void> {
    for (let round = 0; round < 500; round++) {
      await flush();
      await this.checkAfterStep();
      if (this.scheduler.count() === 0) return;
      await this.scheduler.waitOne();
    }
    this.violations.push('the flows did not settle within 500 answers');
  }

  /** After each step: every failure of the step left a visible role=alert/status. */
  async checkAfterStep(): Promise<void> {
    const failed = this.#failed.splice(0);
    if (!failed.length) return;
    for (const element of [this.list, this.menu, this.provider.children[1]])
      await (element as LitElement).updateComplete;
    this.announcementsChecked++;
    if (!announcedMessages().length) {
      const hosts = failed.map((host) => (host as Element).localName).join(', ');
      this.violations.push(`a device sign-out failure (${hosts}) left no visible role=alert/status`);
    }
  }

  /** Once quiet: the list shown is the server's list for the provider's current user, or says it could not load. */
  async checkQuiet(): Promise<void> {
    await this.list.updateComplete;
    const user = this.provider.state.user;
    const root = this.list.shadowRoot!;
    if (!user) {
      if (root.querySelector('[part~="device"]')) this.violations.push('a list shown while nobody is signed in');
      return;
    }
    if (root.querySelector('[part~="retry"]')) return; // could not load: no list, a retry
    if (root.querySelector('[part~="status"][role="status"]'))
      return void this.violations.push('still loading once quiet');
    this.quietChecks++;
    const shown = [...root.querySelectorAll('[part~="device"] [part~="ip-address"]')].map((node) => node.textContent);
    const clerk = this.clerk;
    const here = clerk.serverSessionIds.includes(this.provider.state.session!.id) ? ['127.0.0.1'] : [];
    const expected = [
      ...here,
      ...clerk.deviceSessionIds
        .map((id) => this.devices.get(id)!)
        .filter((device) => device.userId === user.id)
        .map((device) => device.ip),
    ];
    if (JSON.stringify([...shown].sort()) !== JSON.stringify([...expected].sort()))
      this.violations.push(`shown [${shown}], the server has [${expected}] for ${user.id}`);
  }

  dispose(): void {
    document.removeEventListener('device-sign-out', this.#onBefore);
    document.removeEventListener('sign-out-error', this.#onFailure);
    this.provider.remove();
  }

  #onBefore = (event: Event): void => {
    if (this.#veto) event.preventDefault();
  };

  #onFailure = (event: Event): void => {
    this.failures++;
    if (event.target !== document) this.#failed.push(event.target!);
  };
}

describe('devices: generated interleavings', () => {
  it(`the list shown is the server's for the current user once quiet, over ${RUNS} generated runs`, async function () {
    this.timeout(300_000);
    const started = performance.now();
    const runSeed = await seedFrom('./interleavings.seed', DEFAULT_SEED);
    let steps = 0;
    const seen = { failures: 0, announced: 0, 'quiet lists compared': 0 };
    const property = fc.asyncProperty(
      fc.scheduler(),
      fc.array(devicesStep, { minLength: 1, maxLength: 16 }),
      async (scheduler, actions) => {
        const run = new DevicesRun(scheduler);
        try {
          await run.drain();
          for (const action of actions) {
            await run.apply(action);
            await flush();
            await run.checkAfterStep();
            steps++;
          }
          await run.drain();
          await run.checkAfterStep();
          await run.checkQuiet();
          seen.failures += run.failures;
          seen.announced += run.announcementsChecked;
          seen['quiet lists compared'] += run.quietChecks;
          if (run.violations.length) throw new Error(`violated: ${run.violations.join('; ')}`);
        } finally {
          run.dispose();
        }
      },
    );
    await checkSeeded(property, {
      name: 'devices',
      seed: runSeed,
      runs: RUNS,
      started,
      steps: () => steps,
      summary: () => JSON.stringify(seen),
    });
  });
});
