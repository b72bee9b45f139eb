import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, guardSession, guardWebContents, isAppUrl, isSafeExternalUrl, isTrustedSender, resolveAppFile, RESPONSE_HEADERS, webPreferences } from '../../electron/security';

describe('window hardening', () => {
  it('isolates and sandboxes the renderer, with no Node', () => {
    const prefs = webPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    // No middle-click new windows (Electronegativity's AUXCLICK check).
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('serves a strict CSP: own scripts only, no eval, no remote connections, no framing', () => {
    const csp = RESPONSE_HEADERS['Content-Security-Policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('URLs', () => {
  it('recognises only our own app:// origin', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://rosterdesk/assets/index.js')).toBe(true);
    for (const u of ['app://evil/index.html', 'file:///etc/passwd', 'https://rosterdesk/', 'app://user:pw@rosterdesk/', 'javascript:alert(1)', 'not a url', '']) expect(isAppUrl(u), u).toBe(false);
  });

  it('lets only http(s) links out to the system browser', () => {
    expect(isSafeExternalUrl('https://www.example.com/help')).toBe(true);
    expect(isSafeExternalUrl('http://intranet.local/rota')).toBe(true);
    for (const u of ['file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'https://user:pw@example.com', 'data:text/html,x', 'https://']) {
      expect(isSafeExternalUrl(u), u).toBe(false);
    }
  });

  it('maps app:// paths into the UI folder and nowhere else', () => {
    const root = path.resolve('/opt/rosterdesk/build/renderer');
    expect(resolveAppFile(root, 'app://rosterdesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rosterdesk/assets/index-1.js?v=2')).toBe(path.join(root, 'assets', 'index-1.js'));
    // Whatever the URL parser and decoding make of a hostile path, the file stays inside the UI folder.
    for (const u of ['app://rosterdesk/../../etc/passwd', 'app://rosterdesk/%2e%2e/%2e%2e/etc/passwd', 'app://rosterdesk/..%2f..%2f..%2f..%2fetc%2fpasswd', 'app://rosterdesk/a%5c..%5c..%5cx', 'app://rosterdesk/%00x']) {
      const file = resolveAppFile(root, u);
      expect(file === null || file.startsWith(root + path.sep), `${u} -> ${file}`).toBe(true);
    }
    expect(resolveAppFile(root, 'app://rosterdesk/..%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://rosterdesk/%E0%A4%A')).toBeNull();
  });

  it('answers IPC only for our own frame', () => {
    expect(isTrustedSender(APP_ENTRY)).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('navigation, new windows and permissions (Electron objects stubbed at the boundary)', () => {
  type Listener = (event: { url: string; preventDefault(): void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    return {
      contents: {
        on: (name: string, l: Listener) => listeners.set(name, l),
        setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
      },
      navigate(kind: string, url: string) {
        let prevented = false;
        listeners.get(kind)?.({ url, preventDefault: () => (prevented = true) });
        return prevented;
      },
      open: (url: string) => openHandler?.({ url }),
    };
  }

  it('blocks navigation away from the app and every webview', () => {
    const f = fakeContents();
    guardWebContents(f.contents as never, () => undefined);
    expect(f.navigate('will-navigate', 'app://rosterdesk/index.html')).toBe(false);
    expect(f.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(f.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(f.navigate('will-attach-webview', 'app://rosterdesk/')).toBe(true);
  });

  it('never opens a new window; hands safe links to the system browser', () => {
    const f = fakeContents();
    const opened: string[] = [];
    guardWebContents(f.contents as never, (url) => void opened.push(url));
    expect(f.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(f.open('app://rosterdesk/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/help']);
  });

  it('refuses every permission request and check', () => {
    type RequestHandler = (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const handlers: { request?: RequestHandler; check?: () => boolean } = {};
    guardSession({
      setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
      setPermissionCheckHandler: (h: () => boolean) => (handlers.check = h),
    } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) handlers.request?.(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(handlers.check?.()).toBe(false);
  });
});
