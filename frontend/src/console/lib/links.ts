// Mailed links carry their secret after '#', which browsers never send to a server.
import { useLocation } from "react-router";

export function useFragmentParam(name: string): string | null {
  const { hash } = useLocation();
  return new URLSearchParams(hash.replace(/^#/, "")).get(name);
}

/** Drop the #token from the address bar (and so from history) once it is spent. */
export function forgetFragment(): void {
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
}

/** Where to go after signing in: a path of the console only, never another site. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  return next;
}

/** Messages for /console/login?reason=… */
export const signInReasons: Record<string, string> = {
  revoked:
    "Your session was ended: you signed out elsewhere, it was revoked from another device, or your password changed. Sign in again.",
  expired: "Your session expired: a session lasts one hour. Sign in again.",
  "signed-out": "You are signed out.",
  ended: "Your session has ended. Sign in again.",
  "password-reset": "Your password was changed, and every session ended: sign in with the new password.",
  "account-deleted":
    "Your account is deleted, with its sessions, keys and memberships. The address is free for a new account.",
  "sign-in-first": "Sign in first: this link works for the account it was sent to.",
};
