// In-page half of row 7. ?proxy=<proxyUrl>&key=<publishable key>: the provider loads the REAL clerk-js from the
// emulator, as Clerk's Frontend API serves it. Set before the CDN module defines the provider (a module runs deferred).
const params = new URLSearchParams(location.search);
const provider = document.querySelector('clerk-provider');
provider.setAttribute('publishable-key', params.get('key'));
provider.setAttribute('proxy-url', params.get('proxy'));
provider.options = { telemetry: false };
await import('/cdn/clerk-sign-out-elements.js');

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const shown = (element) =>
  !!element.shadowRoot
    ?.querySelector('[part~="trigger"], [part~="button"]')
    ?.checkVisibility({ visibilityProperty: true });
while (![...document.querySelectorAll('clerk-user-menu, clerk-sign-out-button')].every(shown)) await frame();
await frame();
await frame();
window.layoutShiftResult = {
  cls: window.layoutShifts.reduce((sum, entry) => sum + (entry.hadRecentInput ? 0 : entry.value), 0),
  shifts: window.layoutShifts.length,
  readyMs: performance.now(),
};
