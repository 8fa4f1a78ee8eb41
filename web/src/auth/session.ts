// Signing in with the authorization code flow + PKCE against the project's own server (client
// "voicenote-web", docs/decisions/0059 and 0091). Tokens live in this module's memory only: never in
// localStorage or sessionStorage. Only the one-use PKCE verifier and state cross the redirect, in
// sessionStorage, and are removed when the callback reads them.

const clientId = "voicenote-web";
const scopes = [
  "openid", "offline_access",
  "profile:read", "profile:write", "notes:read", "notes:write", "audio:read", "audio:write",
  "cases:read", "cases:write", "exports:read", "exports:write",
].join(" ");
const pendingKey = "voicenote.sign-in";
/** Refresh this long before the access token expires (it lives 15 minutes). */
const refreshMargin = 60_000;

interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
}

interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
}

let tokens: Tokens | null = null;
let refreshing: Promise<boolean> | null = null;
let refreshTimer: number | undefined;
const listeners = new Set<() => void>();

export const callbackPath = "/callback";
const redirectUri = () => `${location.origin}${callbackPath}`;

export function isSignedIn(): boolean {
  return tokens !== null;
}

/** Called whenever the person signs in or out (the app re-renders). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function base64Url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) {
    text += String.fromCharCode(b);
  }
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Leaves the app for the server's /connect/authorize; it comes back to the callback page. */
export async function startSignIn(returnTo: string): Promise<void> {
  const pending: Pending = { verifier: randomString(), state: randomString(), returnTo };
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(pending.verifier))));
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: scopes,
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  location.assign(`/connect/authorize?${query.toString()}`);
}

/** The callback: checks state, redeems the code with the verifier; answers where to go next. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const error = params.get("error");
  if (error) {
    throw new Error(params.get("error_description") ?? `Sign-in was refused (${error}).`);
  }
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  const code = params.get("code");
  if (!pending || !code || params.get("state") !== pending.state) {
    throw new Error("This sign-in did not start here or has already been used. Please sign in again.");
  }
  await requestTokens({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri(),
    client_id: clientId,
    code_verifier: pending.verifier,
  });
  return pending.returnTo;
}

async function requestTokens(form: Record<string, string>): Promise<void> {
  const response = await fetch("/connect/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(form),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body["access_token"] !== "string") {
    const description = body["error_description"] ?? body["detail"] ?? body["error"];
    throw new Error(typeof description === "string" ? description : `The token request failed (HTTP ${response.status}).`);
  }
  const expiresIn = typeof body["expires_in"] === "number" ? body["expires_in"] : 900;
  setTokens({
    accessToken: body["access_token"],
    refreshToken: typeof body["refresh_token"] === "string" ? body["refresh_token"] : null,
    expiresAt: Date.now() + expiresIn * 1000,
  });
}

function setTokens(next: Tokens | null): void {
  const changed = (tokens === null) !== (next === null);
  tokens = next;
  window.clearTimeout(refreshTimer);
  if (next?.refreshToken) {
    // Silent refresh: a new access token before this one expires, while the app is open.
    refreshTimer = window.setTimeout(() => void refresh(), Math.max(0, next.expiresAt - Date.now() - refreshMargin));
  }
  if (changed) {
    listeners.forEach((listener) => listener());
  }
}

/** Rolls the refresh token (one at a time: the server ends a session whose refresh token is reused). */
export function refresh(): Promise<boolean> {
  const current = tokens;
  if (!current?.refreshToken) {
    return Promise.resolve(false);
  }
  refreshing ??= requestTokens({ grant_type: "refresh_token", refresh_token: current.refreshToken, client_id: clientId })
    .then(() => true, () => {
      setTokens(null);
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A live access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken(): Promise<string | null> {
  if (refreshing) {
    await refreshing;
  }
  if (tokens && tokens.expiresAt - Date.now() < refreshMargin / 2) {
    await refresh();
  }
  return tokens?.accessToken ?? null;
}

/** Forgets the tokens (after the server has ended the session, or when it refuses them). */
export function forget(): void {
  setTokens(null);
}
