import { useState } from "react";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Time } from "../../../components/Time";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { VerifyMfaMutation } from "../operations";

/** The second step of a login: a code from the authenticator app, the texted code, or a
 * backup code. `onResend` (a login with the password again) texts a new SMS code. */
export function SecondStep({
  challenge,
  expiresAt,
  onDone,
  onResend,
  resending,
  resent,
}: {
  challenge: string;
  expiresAt: string;
  onDone: () => void;
  onResend?: () => void;
  resending?: boolean;
  resent?: boolean;
}) {
  const [code, setCode] = useState("");
  const [state, verify] = useApiMutation(VerifyMfaMutation);
  const errors = formErrors(state.error, ["code"]);
  const submit = async () => {
    const result = await verify({ input: { challenge, code: code.trim(), sessionCookie: true } });
    if (result.data) onDone();
  };
  return (
    <>
      <p>
        Your account has multi-factor authentication on. Enter the 6-digit code from your authenticator app, the code
        texted to your phone if you use SMS, or one of your backup codes. This step ends at <Time value={expiresAt} />.
      </p>
      <Form onSubmit={submit} error={errors.form} label="Second step">
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
          hint="6 digits from the app or the text message, or a backup code."
          required
        />
        <Button type="submit" loading={state.fetching}>
          Verify
        </Button>
      </Form>
      {onResend && (
        <div className="aside">
          <p>Using SMS and no text came? A new sign-in texts a new code.</p>
          <Button variant="secondary" onClick={onResend} loading={resending}>
            Send a new code
          </Button>
          {resent && <p role="status">A new code was sent if your second factor is SMS.</p>}
        </div>
      )}
    </>
  );
}
