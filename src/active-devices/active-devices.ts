import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClerkController } from '../clerk/clerk-controller.js';
import { addEnglishLabels, deviceLabels } from '../clerk/labels.js';
import { ReverifyingElement } from '../clerk/reverifying-element.js';
import { localeOf } from '../clerk/labels.js';
import { describeDevice, relativeTime } from '../flows/devices/describe.js';
import { listDevices, type Device } from '../flows/devices/list.js';
import { revokeDevices, type RevokeDevicesResult } from '../flows/devices/revoke.js';
import type { DeviceSignedOutEvent } from '../contract/events.js';
import { messages } from '../styles/messages.js';
import { spinner, spinnerStyles } from '../styles/spinner.js';
import { theme } from '../styles/theme.js';
import { activeDevicesStyles } from './active-devices.styles.js';

/** The action in flight, shown as pending on its row(s): one device's sign-out, or every other device's. */
type DevicesAction = `device:${string}` | 'others';

/**
 * Clerk's "Active devices" as an element: every device where the signed-in user is signed in (browser, device, place,
 * IP address, last activity), this one first, with "Sign out of device" on the others and "Sign out of all other
 * devices". Signing a device out never signs this one out and never navigates. Renders nothing while nobody is signed
 * in; the list is read again after each sign-out (by this element or another of the page) and whenever the user or
 * session changes. The last-active times ("5 minutes ago") are brought up to date each minute.
 *
 * @summary The signed-in user's devices, each of which can be signed out.
 * @csspart panel - The box around everything.
 * @csspart title - The "Active devices" heading.
 * @csspart list - The list of devices (`<ul>`).
 * @csspart device - A row (`<li>`); also `current` on this device's row, `mobile` on a mobile device's, `failed` on a
 *   device that could not be signed out.
 * @csspart name - The device type ("iPhone", "Macintosh"; else "Mobile device" or "Desktop device").
 * @csspart badge - The "This device" badge.
 * @csspart details - The line with the browser, place, IP address and last activity.
 * @csspart browser - The browser and its version.
 * @csspart location - City and country.
 * @csspart ip-address - The IP address.
 * @csspart last-active - When the device was last active ("5 minutes ago").
 * @csspart sign-out-device - A row's "Sign out of device" button.
 * @csspart sign-out-others - The "Sign out of all other devices" button.
 * @csspart empty - The message shown when no other device is signed in.
 * @csspart status - The loading message, or the load failure with its retry button.
 * @csspart retry - The "Try again" button after the list failed to load.
 * @csspart spinner - The progress indicator while loading or signing out.
 * @csspart messages - Where `error` and `notice` show, at the end of the panel.
 * @csspart error - The message shown when a sign-out fails (`role="alert"`).
 * @csspart notice - The polite message (`role="status"`): which device was just signed out, or still trying (a slow
 *   network).
 * @cssproperty --clerk-active-devices-background - Background of the panel (default `--clerk-color-surface`).
 * @cssproperty --clerk-active-devices-color - Text colour (default `--clerk-color-text`).
 * @cssproperty --clerk-active-devices-padding - Padding of the panel (default 1rem).
 * @cssproperty --clerk-active-devices-badge-background - Background of the "This device" badge.
 * @cssproperty --clerk-active-devices-sign-out-color - Text colour of the sign-out buttons (default `--clerk-color-danger`).
 * @fires device-sign-out - Before any device is signed out. Cancelable: `preventDefault()` stops it.
 * @fires device-signed-out - Devices were signed out (`detail.sessionIds`: the ones Clerk confirmed). This device stays signed in.
 * @fires sign-out-error - A device is still signed in (`detail.sessionIds`), e.g. Clerk asked for reverification.
 */
export class ClerkActiveDevices extends ReverifyingElement {
  static override properties: PropertyDeclarations = {
    devices: { state: true },
    loadFailed: { state: true },
    failedIds: { state: true },
  };

  static override styles = [theme, spinnerStyles, activeDevicesStyles];

  static {
    addEnglishLabels(deviceLabels);
  }

  /** The devices shown (`undefined` while loading or after a failed load). */
  private devices?: readonly Device[];
  private loadFailed = false;
  /** Devices the last sign-out could not sign out. */
  private failedIds: readonly string[] = [];

  readonly #clerk = new ClerkController<DevicesAction>(this);

  constructor() {
    super();
    // Says which devices this element signed out (focus moves on to the next row, which does not say it).
    this.addEventListener('device-signed-out', (event: DeviceSignedOutEvent) => {
      const names = event.detail.sessionIds.map((id) => {
        const device = this.devices?.find((shown) => shown.sessionId === id);
        return device ? deviceLabel(describeDevice(device)) : id;
      });
      this.#clerk.notice = this.#clerk.t('activeDevices.signedOutDevice').replace('{{device}}', names.join('; '));
    });
  }
  #listedFor: string | null | undefined;
  #reads = 0;
  /** Re-renders the shown list each minute, so "5 minutes ago" does not stay true for an hour. */
  #clock?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listedFor = undefined; // back in the document: read the list again
    document.addEventListener('device-signed-out', this.#onDeviceSignedOut);
    this.#clock = setInterval(() => this.devices && this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('device-signed-out', this.#onDeviceSignedOut);
    clearInterval(this.#clock);
  }

  /** Reads the list again from Clerk's Frontend API. */
  async refresh(): Promise<void> {
    const read = ++this.#reads;
    this.loadFailed = false;
    try {
      const devices = await listDevices(this.#clerk.instance);
      if (read === this.#reads) this.devices = devices;
    } catch {
      if (read === this.#reads) [this.devices, this.loadFailed] = [undefined, true];
    }
  }

  /**
   * Signs out other devices (their session ids, or `others`: every device but this one), exactly as the buttons do
   * (events included). Resolves with the flow's result.
   */
  async signOutDevices(sessionIds: readonly string[] | 'others'): Promise<RevokeDevicesResult> {
    if (this.#clerk.pending) return { outcome: 'busy', revokedIds: [], stillSignedInIds: [] };
    const shown = this.devices;
    // Where focus goes if its button leaves: the row now at its place, else "Sign out of all…", else the list.
    const active = this.shadowRoot!.activeElement;
    const index = active ? Math.max(0, this.#deviceButtons().indexOf(active as HTMLElement)) : -1;
    const name: DevicesAction = sessionIds === 'others' ? 'others' : `device:${sessionIds.join(' ')}`;
    const listedFor = this.#listedFor;
    const result = await this.#clerk.run(name, 'activeDevices.signOutError', revokeDevices, {
      sessionIds,
      devices: shown,
      reverify: this.reverify,
    });
    // Only while the list is still this user's (the provider may have another Clerk or user by now). The list read
    // after the revocations is newer than any read still in flight (one may predate them); without one, the rows
    // Clerk confirmed signed out leave the list shown now.
    if (listedFor !== this.#listedFor) return result;
    const gone = new Set(result.revokedIds);
    if (result.devices) this.#reads++;
    this.devices = result.devices ?? this.devices?.filter((device) => !gone.has(device.sessionId));
    this.failedIds = result.stillSignedInIds;
    if (index >= 0) {
      await this.updateComplete;
      const root = (this.getRootNode() as Document | ShadowRoot).activeElement;
      if (!this.shadowRoot!.activeElement && (!root || root === document.body)) {
        const part = (name: string) => this.renderRoot.querySelector<HTMLElement>(`[part~='${name}']`);
        (this.#deviceButtons()[index] ?? part('sign-out-others') ?? part('list'))?.focus();
      }
    }
    return result;
  }

  protected override willUpdate(): void {
    const user = this.#clerk.user;
    const listFor = user ? `${user.id} ${this.#clerk.state?.session?.id}` : null;
    if (listFor === this.#listedFor) return;
    // Another user or session (or nobody): the list and any message were someone else's.
    if (this.#listedFor !== undefined) this.#clerk.clear();
    this.#listedFor = listFor;
    this.devices = undefined;
    this.failedIds = [];
    if (listFor) void this.refresh();
    else this.#reads++;
  }

  protected override render() {
    if (!this.#clerk.signedIn) return nothing;
    const t = this.#clerk.t.bind(this.#clerk);
    const devices = this.devices;
    const pending = this.#clerk.pending;
    let body;
    if (this.loadFailed) {
      body = html`<p part="status">
        <span role="alert">${t('activeDevices.loadError')}</span>
        <button part="retry" type="button" @click=${this.#retry}>${t('activeDevices.retry')}</button>
      </p>`;
    } else if (!devices) {
      body = html`<p part="status" role="status">${spinner} ${t('activeDevices.loading')}</p>`;
    } else {
      body = html`<ul part="list" aria-labelledby="title" tabindex="-1">
          ${repeat(
            devices,
            (device) => device.sessionId,
            (device) => this.#row(device),
          )}
        </ul>
        ${
          devices.length > 1
            ? html`<button
                part="sign-out-others"
                type="button"
                aria-busy=${pending === 'others' ? 'true' : 'false'}
                aria-disabled=${ifDefined(pending ? 'true' : undefined)}
                @click=${() => void this.signOutDevices('others')}
              >
                ${pending === 'others' ? spinner : nothing} ${t('formFieldLabel__signOutOfOtherSessions')}
              </button>`
            : html`<p part="empty">${t('activeDevices.empty')}</p>`
        }`;
    }
    return html`<div part="panel">
      <h2 id="title" part="title">${t('userProfile.start.activeDevicesSection.title')}</h2>
      ${body} ${messages(this.#clerk)}
    </div>`;
  }

  #row(device: Device) {
    const described = describeDevice(device);
    const { name, browser, location } = described;
    const t = this.#clerk.t.bind(this.#clerk);
    const pending = this.#clerk.pending;
    const busy = pending === `device:${device.sessionId}` || (pending === 'others' && !device.current);
    const failed = this.failedIds.includes(device.sessionId);
    const when = this.#relative(device.lastActiveAt);
    const action = t('userProfile.start.activeDevicesSection.destructiveAction');
    return html`<li
      part="device${device.current ? ' current' : ''}${device.isMobile ? ' mobile' : ''}${failed ? ' failed' : ''}"
      aria-busy=${busy ? 'true' : 'false'}
    >
      <span part="name">${name}</span>
      ${device.current ? html`<span part="badge">${t('badge__thisDevice')}</span>` : nothing}
      <span part="details">
        <span part="browser">${browser}</span>
        ${location ? html`<span part="location">${location}</span>` : nothing}
        ${device.ipAddress ? html`<span part="ip-address">${device.ipAddress}</span>` : nothing}
        ${when ? html`<time part="last-active" datetime=${device.lastActiveAt!.toISOString()}>${when}</time>` : nothing}
      </span>
      ${
        device.current
          ? nothing
          : html`<button
              part="sign-out-device"
              type="button"
              aria-label="${action}: ${deviceLabel(described)}"
              aria-describedby=${ifDefined(failed ? 'error' : undefined)}
              aria-disabled=${ifDefined(pending ? 'true' : undefined)}
              @click=${() => void this.signOutDevices([device.sessionId])}
            >
              ${busy ? spinner : nothing} ${action}
            </button>`
      }
    </li>`;
  }

  /** "5 minutes ago" in the provider's language (its localization's `locale`), else the document's, else the browser's. */
  #relative(date: Date | null): string | null {
    try {
      return relativeTime(date, Date.now(), localeOf(this.#clerk.state?.localization));
    } catch {
      return relativeTime(date); // not a language tag Intl knows
    }
  }

  async #retry(): Promise<void> {
    const hadFocus = !!this.shadowRoot!.activeElement;
    await this.refresh();
    await this.updateComplete;
    if (hadFocus) this.renderRoot.querySelector<HTMLElement>(`[part~='list'], [part~='retry']`)?.focus();
  }

  /** Another element of the page (the menu, a button) signed devices out: show the list as it is now. */
  #onDeviceSignedOut = (event: Event): void => {
    if (this.devices && !event.composedPath().includes(this)) void this.refresh();
  };

  #deviceButtons(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~='sign-out-device']`)];
  }
}

/** A device as its row names it: "iPhone, Safari 17.1, Berlin, Germany". */
function deviceLabel({ name, browser, location }: ReturnType<typeof describeDevice>): string {
  return [name, browser, location].filter(Boolean).join(', ');
}
