/**
 * Labels use the keys of Clerk's own UI (`@clerk/localizations`), so a Clerk `LocalizationResource` such as `frFR`
 * given to `<clerk-provider>` relabels every element. English is built in.
 */

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
export const englishLabels = {
  'userButton.action__signOut': 'Sign out',
  'userButton.action__signOutAll': 'Sign out of all accounts',
  'userButton.action__manageAccount': 'Manage account',
  'userButton.action__addAccount': 'Add account',
  'userButton.action__openUserMenu': 'Open user menu',
  'userButton.label__accountActions': 'Account actions',
  'userButton.label__activeSessions': 'Active sessions',
  'signOutButton.error': 'Sign-out failed. Please try again.',
  // Not in Clerk's localizations: Clerk's UserButton has no visible failure messages.
  'userMenu.signOutError': 'Sign-out failed. Please try again.',
  'userMenu.switchSessionError': 'Could not switch accounts. Please try again.',
  'userMenu.manageAccountError': 'Account settings cannot be opened right now.',
  'userMenu.signOutOtherDevicesError': 'Could not sign out of your other devices. Please try again.',
  // Other devices (<clerk-active-devices>, scope="other-devices", the menu's item): Clerk's own keys first.
  'userProfile.start.activeDevicesSection.title': 'Active devices',
  'userProfile.start.activeDevicesSection.destructiveAction': 'Sign out of device',
  badge__thisDevice: 'This device',
  formFieldLabel__signOutOfOtherSessions: 'Sign out of all other devices',
  // Not in Clerk's localizations: Clerk's UserProfile shows its own loading and error UI.
  'activeDevices.loading': 'Loading devices…',
  'activeDevices.empty': 'You are not signed in on any other device.',
  'activeDevices.loadError': 'Your devices could not be loaded.',
  'activeDevices.retry': 'Try again',
  'activeDevices.signOutError': 'Some devices could not be signed out and are still signed in. Please try again.',
  'otherDevices.reverificationRequired':
    'Clerk needs you to confirm it is you before signing out other devices. Verify your identity, then try again.',
} as const;

/** A label's key: Clerk's localization key (e.g. `userButton.action__signOut`), or one of the package's own. */
export type LabelKey = keyof typeof englishLabels;

/** A Clerk `LocalizationResource` (nested objects of strings); only string leaves are read. */
export type Localization = { [key: string]: unknown };

/** The label for `key` in `localization`, else the English one. */
export function label(localization: Localization | undefined, key: LabelKey): string {
  return localized(localization, key) ?? englishLabels[key];
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
