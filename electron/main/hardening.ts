/**
 * The Electron checklist items that apply to every web contents and session: no navigation away
 * from the renderer, no new windows, no <webview>, no permissions.
 */
import type { Session, WebContents } from 'electron';

/** Applied from `app.on('web-contents-created')`, so no contents escapes it. */
export function hardenContents(contents: WebContents): void {
  // The app is a single page: any navigation (a link in imported data, a drag-and-drop) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Every permission request and check is refused, except writing text to the clipboard (the
 * "copy as Mermaid / SQL / CSV" buttons); reading the clipboard stays denied.
 */
export function denyPermissions(session: Session): void {
  const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed(permission));
  session.setDevicePermissionHandler(() => false);
}
