// The browser's side of a passkey ceremony. The API's begin… mutations answer options as
// JSON; the browser parses them (PublicKeyCredential.parse…FromJSON), asks the user's
// authenticator, and the credential goes back as JSON (toJSON()). Every failure of the
// browser becomes one sentence a person can act on: the console never shows a DOMException.

/** The credential as PublicKeyCredential.toJSON() gives it: what the API's `credential` takes. */
export type CredentialJSON = unknown;

export type PasskeyOutcome = { credential: CredentialJSON; error?: undefined } | { credential?: undefined; error: string };

export const NO_WEBAUTHN =
  "This browser cannot use passkeys: it has no WebAuthn support (or an old version of it). Use a recent Chrome, Edge, Firefox or Safari, or another way to sign in.";

/** Whether this browser can run the ceremonies as the console does them (JSON options in,
 * JSON credential out). False on plain http:// other than localhost, too. */
export function passkeysSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    window.isSecureContext &&
    typeof window.PublicKeyCredential === "function" &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function" &&
    typeof navigator.credentials?.create === "function"
  );
}

function json(options: unknown): object {
  // The API's JSON scalar: an object, or (from some servers) that object as a string.
  return (typeof options === "string" ? JSON.parse(options) : options) as object;
}

/** The sentence for what the browser threw. NotAllowedError is what every browser throws
 * when the person cancels, closes the prompt or lets it time out: it says nothing more. */
export function webauthnMessage(error: unknown, creating: boolean): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "AbortError":
      return creating
        ? "No passkey was made: the request was cancelled or timed out. Try again when you are ready."
        : "No passkey was used: the request was cancelled or timed out, or this device has no passkey for this site. Try again, or sign in another way.";
    case "InvalidStateError":
      return "This authenticator already holds a passkey for your account: it is in the list. Use another device or password manager.";
    case "SecurityError":
      return "The browser refused passkeys on this address: the site's passkey settings do not match the address in the address bar.";
    case "NotSupportedError":
      return "Your authenticator cannot make the kind of passkey this site needs (one that checks a PIN or biometric).";
    default:
      return `The browser could not ${creating ? "make the passkey" : "use a passkey"}${error instanceof Error && error.message ? `: ${error.message}` : "."}`;
  }
}

/** navigator.credentials.create with the options of beginPasskeyRegistration. */
export async function createPasskey(options: unknown): Promise<PasskeyOutcome> {
  if (!passkeysSupported()) return { error: NO_WEBAUTHN };
  try {
    const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(json(options) as PublicKeyCredentialCreationOptionsJSON);
    const created = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
    if (!created) return { error: webauthnMessage(new DOMException("", "NotAllowedError"), true) };
    return { credential: created.toJSON() };
  } catch (error) {
    return { error: webauthnMessage(error, true) };
  }
}

/** navigator.credentials.get with the options of beginPasskeyLogIn. */
export async function getPasskey(options: unknown): Promise<PasskeyOutcome> {
  if (!passkeysSupported()) return { error: NO_WEBAUTHN };
  try {
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(json(options) as PublicKeyCredentialRequestOptionsJSON);
    const found = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential | null;
    if (!found) return { error: webauthnMessage(new DOMException("", "NotAllowedError"), false) };
    return { credential: found.toJSON() };
  } catch (error) {
    return { error: webauthnMessage(error, false) };
  }
}
