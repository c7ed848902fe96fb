/**
 * Labels use the keys of Clerk's own UI (`@clerk/localizations`), so a Clerk `LocalizationResource` such as `frFR`
 * given to `<clerk-provider>` relabels every element. English is built in.
 */

export const englishLabels = {
  'userButton.action__signOut': 'Sign out',
  'userButton.action__signOutAll': 'Sign out of all accounts',
  'signOutButton.error': 'Sign-out failed. Please try again.',
} as const;

export type LabelKey = keyof typeof englishLabels;

/** A Clerk `LocalizationResource` (nested objects of strings); only string leaves are read. */
export type Localization = { [key: string]: unknown };

export function label(localization: Localization | undefined, key: LabelKey): string {
  let value: unknown = localization;
  for (const part of key.split('.')) {
    value = value && typeof value === 'object' ? (value as Localization)[part] : undefined;
  }
  return typeof value === 'string' && value.trim() ? value : englishLabels[key];
}
