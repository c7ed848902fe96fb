import { localized, type Localization } from '../clerk/labels.js';

/**
 * The English labels of `<clerk-idle-sign-out>`, by key (not in Clerk's localizations: Clerk has no idle sign-out).
 * `<clerk-provider>`'s `localization` wins where it has the key, as for every label; `notice` and `message` take
 * `{time}`, a duration in words. Kept apart from `englishLabels`, so an app without the element does not ship them.
 *
 * @example
 * ```ts
 * provider.localization = { ...frFR, idleSignOut: { title: 'Toujours là ?', staySignedIn: 'Rester connecté' } };
 * ```
 */
export const idleSignOutLabels = {
  'idleSignOut.notice': 'For your security, you are signed out after {time} without activity.',
  'idleSignOut.title': 'Are you still there?',
  'idleSignOut.message': 'You will be signed out in {time} because you have been inactive.',
  'idleSignOut.staySignedIn': 'Stay signed in',
  'idleSignOut.signOutNow': 'Sign out now',
  'idleSignOut.signingOut': 'Signing you out because you have been inactive…',
  'idleSignOut.signOutError': 'Could not sign you out yet. Trying again…',
} as const;

/** A key of `idleSignOutLabels`. */
export type IdleSignOutLabelKey = keyof typeof idleSignOutLabels;

/** The idle element's label for `key` in `localization`, else the English one. */
export function idleLabel(localization: Localization | undefined, key: IdleSignOutLabelKey): string {
  return localized(localization, key) ?? idleSignOutLabels[key];
}
