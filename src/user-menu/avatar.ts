import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ClerkUser } from '../clerk/clerk.js';
import { initials } from './user-display.js';

/** Disc colours for initials; each has at least 4.5:1 contrast with white text (checked by a test). */
export const AVATAR_COLORS = [
  '#b42318',
  '#b54708',
  '#027a48',
  '#026aa2',
  '#5925dc',
  '#c11574',
  '#3e4784',
  '#107569',
  '#6941c6',
  '#1849a9',
] as const;

/** A stable colour per user id (FNV-1a hash), so a user keeps the same colour on every page. */
export function avatarColor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193);
  return AVATAR_COLORS[(hash >>> 0) % AVATAR_COLORS.length];
}

/** Only http(s) and `data:image/` URLs are loaded; anything else (`javascript:`, `blob:`, `file:`…) gets initials. */
export function isLoadableImageUrl(url: string | null | undefined): url is string {
  if (!url?.trim()) return false;
  if (/^data:image\//i.test(url.trim())) return true;
  try {
    const { protocol } = new URL(url, location.href);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Image URLs that failed to load, per element: those users get initials, and the element renders again. */
const brokenImages = new WeakMap<ReactiveControllerHost, Set<string>>();

/**
 * The user's picture, or initials on a coloured disc when there is none (`hasImage: false` means Clerk's generated
 * placeholder, which initials replace), it is not an allowed URL, or it failed to load. Decorative: names are text nearby.
 * The initials are drawn by CSS (`data-initials`), not text: they are a picture, and as text they would be "visible label"
 * missing from the trigger's accessible name (WCAG 2.5.3, axe label-content-name-mismatch).
 */
export function avatar(user: ClerkUser, host: ReactiveControllerHost) {
  const url = user.imageUrl;
  const showImage = isLoadableImageUrl(url) && user.hasImage !== false && !brokenImages.get(host)?.has(url);
  return html`<span part="avatar" style="--_avatar-color: ${avatarColor(user.id)}"
    >${
      showImage
        ? html`<img
            part="avatar-image"
            src=${url}
            alt=""
            referrerpolicy="no-referrer"
            @error=${() => {
              brokenImages.set(host, new Set(brokenImages.get(host)).add(url));
              host.requestUpdate();
            }}
          />`
        : nothing
    }<span part="initials" aria-hidden="true" data-initials=${initials(user)} ?hidden=${showImage}></span
  ></span>`;
}
