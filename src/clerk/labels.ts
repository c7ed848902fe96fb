/**
 * Labels use the keys of Clerk's own UI (`@clerk/localizations`), so a Clerk `LocalizationResource` such as `frFR`
 * given to `<clerk-provider>` relabels every element. English is built in, in parts: an app ships the English of the
 * elements it imports only (each element adds its own part, `addEnglishLabels`).
 */

/** The labels any element may show: the sign-out actions, and what an action's outcome says. */
export const commonLabels = {
  'userButton.action__signOut': 'Sign out',
  formFieldLabel__signOutOfOtherSessions: 'Sign out of all other devices',
  'signOutButton.error': 'Sign-out failed. Please try again.',
  'otherDevices.reverificationRequired':
    'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
  // Every element's actions: one still waiting for Clerk, one refused offline, one that a retry cannot fix.
  'action.stillTrying': 'Still trying… the network is slow.',
  'action.offline': 'You are offline. Nothing was sent; you are still signed in.',
  'action.unavailable': 'Unavailable on this page.',
} as const;

/** `<clerk-user-menu>`'s labels. */
export const menuLabels = {
  'userButton.action__signOutAll': 'Sign out of all accounts',
  'userButton.action__manageAccount': 'Manage account',
  'userButton.action__addAccount': 'Add account',
  'userButton.action__openUserMenu': 'Open user menu',
  'userButton.label__accountActions': 'Account actions',
  'userButton.label__activeSessions': 'Active sessions',
  // Not in Clerk's localizations: Clerk's UserButton has no visible failure messages.
  'userMenu.signOutError': 'Sign-out failed. Please try again.',
  'userMenu.switchSessionError': 'Could not switch accounts. Please try again.',
  'userMenu.manageAccountError': 'Account settings cannot be opened right now.',
  'userMenu.signOutOtherDevicesError': 'Could not sign out of your other devices. Please try again.',
} as const;

/** `<clerk-active-devices>`'s labels: Clerk's own keys first. */
export const deviceLabels = {
  'userProfile.start.activeDevicesSection.title': 'Active devices',
  'userProfile.start.activeDevicesSection.destructiveAction': 'Sign out of device',
  badge__thisDevice: 'This device',
  // Not in Clerk's localizations: Clerk's UserProfile shows its own loading, error and status UI.
  'activeDevices.loading': 'Loading devices…',
  'activeDevices.empty': 'You are not signed in on any other device.',
  'activeDevices.loadError': 'Your devices could not be loaded.',
  'activeDevices.retry': 'Try again',
  'activeDevices.signOutError': 'Some devices could not be signed out and are still signed in. Please try again.',
  'activeDevices.signedOutDevice': 'Signed out of {{device}}.',
} as const;

/**
 * The built-in English labels, by Clerk's localization key. A `localization` given to `<clerk-provider>` (e.g. `frFR` from
 * `@clerk/localizations`) wins where it has the key.
 *
 * @example
 * ```ts
 * import { englishLabels } from 'clerk-sign-out-elements';
 *
 * // Only some labels of your own; every other key keeps its English label.
 * provider.localization = { userButton: { action__signOut: 'Log out' } };
 * console.log(englishLabels['userButton.action__signOut']); // "Sign out"
 * ```
 */
// Pure: an app that never reads it ships only the labels of the elements it imports.
export const englishLabels: typeof commonLabels & typeof menuLabels & typeof deviceLabels =
  /* @__PURE__ */ Object.assign({}, commonLabels, menuLabels, deviceLabels);

/** A label's key: Clerk's localization key (e.g. `userButton.action__signOut`), or one of the package's own. */
export type LabelKey = keyof typeof englishLabels;

/** A Clerk `LocalizationResource` (nested objects of strings); only string leaves are read. */
export type Localization = { [key: string]: unknown };

/** The English of the elements defined so far. */
const english: Partial<Record<LabelKey, string>> = { ...commonLabels };

/** Adds an element's English labels (its class does, once it is defined). */
export function addEnglishLabels(labels: Partial<Record<LabelKey, string>>): void {
  Object.assign(english, labels);
}

/** The label for `key` in `localization`, else the English one. */
export function label(localization: Localization | undefined, key: LabelKey): string {
  return localized(localization, key) ?? english[key]!;
}

/** The label at `key` (a dotted path, as Clerk's keys are) in `localization`, when it has a non-blank one. */
export function localized(localization: Localization | undefined, key: string): string | undefined {
  let value: unknown = localization;
  for (const part of key.split('.')) {
    value = value && typeof value === 'object' ? (value as Localization)[part] : undefined;
  }
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The language of the labels: the localization's `locale` (Clerk's resources have one), else the document's `lang`. */
export function localeOf(localization: Localization | undefined): string | undefined {
  const locale = localization?.locale;
  return (typeof locale === 'string' && locale) || document.documentElement.lang || undefined;
}
