// Sudo mode: the dialog that asks for the password (and a second-factor code when MFA is
// on) when a sensitive change answered REAUTHENTICATION_REQUIRED. useApiMutation waits for
// it and, once it succeeds, runs the change again.
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useClient } from "urql";

import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { formErrors, type FormErrors, NO_ERRORS } from "../../../lib/errors";
import { ReauthenticationContext } from "../../../lib/mutation";
import { ReauthenticateMutation, SendMfaSmsCodeMutation } from "../operations";
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
  const submit = async () => {
    setBusy(true);
    const input = viewer.mfaEnabled ? { password, code: code.trim() } : { password };
    const result = await client.mutation(ReauthenticateMutation, { input }).toPromise();
    setBusy(false);
    if (result.data) onDone(true);
    else setErrors(formErrors(result.error, ["password", "code"]));
  };
  const text = async () => {
    setTexting(true);
    const result = await client.mutation(SendMfaSmsCodeMutation, {}).toPromise();
    setTexting(false);
    setTexted(result.data?.sendMfaSmsCode ? "A code is on its way to your phone." : (formErrors(result.error).form ?? null));
  };
  return (
    <Form onSubmit={submit} error={errors.form} label="Confirm it is you">
      <p>This change needs your password{viewer.mfaEnabled ? " and a code from your second factor" : ""} again. It then goes on by itself.</p>
      <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} required />
      {viewer.mfaEnabled && (
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
          hint={viewer.mfaMethod === "SMS" ? "The texted code, or a backup code." : "The code your authenticator app shows now, or a backup code."}
          required
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
        <Button type="submit" loading={busy}>
          Confirm
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
