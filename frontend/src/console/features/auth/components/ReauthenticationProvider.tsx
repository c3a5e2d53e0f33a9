// Sudo mode: the dialog that asks for the password (and a code when MFA is on), or for a
// passkey alone when the user has one, when a sensitive change answered
// REAUTHENTICATION_REQUIRED. useApiMutation waits for
// it and, once it succeeds, runs the change again.
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useClient } from "urql";

import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import type { CredentialJSON } from "../../../lib/webauthn";
import { formErrors, type FormErrors, NO_ERRORS } from "../../../lib/errors";
import { ReauthenticationContext } from "../../../lib/mutation";
import { ReauthenticateMutation, SendMfaSmsCodeMutation } from "../operations";
import { usePasskeyAssertion } from "../passkey";
import type { Viewer } from "../viewer";

export function ReauthenticationProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const resolver = useRef<((proven: boolean) => void) | null>(null);
  const prompt = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );
  const finish = (proven: boolean) => {
    setOpen(false);
    resolver.current?.(proven);
    resolver.current = null;
  };
  return (
    <ReauthenticationContext.Provider value={prompt}>
      {children}
      <Dialog open={open} title="Confirm it is you" onClose={() => finish(false)}>
        {open && <ReauthenticationForm viewer={viewer} onDone={finish} />}
      </Dialog>
    </ReauthenticationContext.Provider>
  );
}

function ReauthenticationForm({ viewer, onDone }: { viewer: Viewer; onDone: (proven: boolean) => void }) {
  const client = useClient();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [texting, setTexting] = useState(false);
  const [texted, setTexted] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [asking, assert] = usePasskeyAssertion();
  // With a passkey the code is one way among two, so the field is not required.
  const hasPasskey = viewer.mfaEnabled && viewer.passkeys.totalCount > 0;
  const prove = async (passkey?: CredentialJSON) => {
    setBusy(true);
    // A passkey with user verification answers alone: it is more than a password and a code.
    const input = passkey !== undefined ? { passkey } : viewer.mfaEnabled ? { password, code: code.trim() } : { password };
    const result = await client.mutation(ReauthenticateMutation, { input }).toPromise();
    setBusy(false);
    if (result.data) onDone(true);
    else setErrors(formErrors(result.error, ["password", "code", "passkey"]));
  };
  const submit = () => prove();
  const withPasskey = async () => {
    setErrors(NO_ERRORS);
    const outcome = await assert();
    if (outcome.error !== undefined) setErrors({ fields: {}, form: outcome.error });
    else await prove(outcome.credential);
  };
  const text = async () => {
    setTexting(true);
    const result = await client.mutation(SendMfaSmsCodeMutation, {}).toPromise();
    setTexting(false);
    setTexted(result.data?.sendMfaSmsCode ? "A code is on its way to your phone." : (formErrors(result.error).form ?? null));
  };
  return (
    <Form onSubmit={submit} error={errors.form} label="Confirm it is you">
      <p>
        This change needs {hasPasskey ? "your passkey, or your password and a code," : viewer.mfaEnabled ? "your password and a code from your second factor" : "your password"} again. It
        then goes on by itself.
      </p>
      {hasPasskey && (
        <div className="alternative">
          <Button loading={asking} onClick={() => void withPasskey()}>
            Confirm with a passkey
          </Button>
          {errors.fields.passkey && <p className="field-error">{errors.fields.passkey}</p>}
          <p className="or" aria-hidden="true">
            or
          </p>
        </div>
      )}
      <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} required />
      {viewer.mfaEnabled && (
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
          hint={viewer.mfaMethod === "SMS" ? "The texted code, or a backup code." : hasPasskey ? "A code from your authenticator app, if you use one, or a backup code." : "The code your authenticator app shows now, or a backup code."}
          required={!hasPasskey}
        />
      )}
      {viewer.mfaEnabled && viewer.mfaMethod === "SMS" && (
        <p>
          <Button variant="secondary" onClick={() => void text()} loading={texting}>
            Text me a code
          </Button>{" "}
          <span role="status">{texted}</span>
        </p>
      )}
      <div className="actions">
        <Button type="submit" variant={hasPasskey ? "secondary" : "primary"} loading={busy && !asking}>
          {hasPasskey ? "Confirm with the code" : "Confirm"}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
