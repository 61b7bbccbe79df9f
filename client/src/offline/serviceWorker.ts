/**
 * Registers the app-shell service worker (client/public/sw.js), so a reload without a connection
 * still opens the app. Browsers allow service workers only on https or localhost; on a plain-http
 * LAN address this does nothing and an offline reload shows the browser's own error page.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it everything works online; only the offline reload is lost.
    });
  });
}
