import { useState } from "react";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { Time } from "../../../components/Time";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import type { SecondFactor } from "../../../gql/graphql";
import { FinishPasskeyLogInMutation, VerifyMfaMutation } from "../operations";
import { usePasskeyAssertion } from "../passkey";

/** The second step of a login: a passkey when the account has one (`methods` says), a code
 * from the authenticator app, the texted code, or a backup code. `onResend` (a login with
 * the password again) texts a new SMS code. */
export function SecondStep({
  challenge,
  expiresAt,
  methods = [],
  onDone,
  onResend,
  resending,
  resent,
}: {
  challenge: string;
  expiresAt: string;
  methods?: readonly SecondFactor[];
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
  const passkey = methods.includes("PASSKEY");
  const codes = methods.some((m) => m === "TOTP" || m === "SMS_CODE");
  return (
    <>
      {passkey ? (
        <>
          <p>
            Your account has multi-factor authentication on. Use your passkey{codes ? ", or enter a code below" : ", or one of your backup codes"}. This step ends
            at <Time value={expiresAt} />.
          </p>
          <PasskeyStep challenge={challenge} onDone={onDone} />
          <h2>Or a code</h2>
        </>
      ) : (
        <p>
          Your account has multi-factor authentication on. Enter the 6-digit code from your authenticator app, the code
          texted to your phone if you use SMS, or one of your backup codes. This step ends at <Time value={expiresAt} />.
        </p>
      )}
      <Form onSubmit={submit} error={errors.form} label="Second step">
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
          hint={passkey && !codes ? "One of your backup codes." : "6 digits from the app or the text message, or a backup code."}
          required
        />
        <Button type="submit" loading={state.fetching}>
          Verify
        </Button>
      </Form>
      {onResend && (methods.length === 0 || methods.includes("SMS_CODE")) && (
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

function PasskeyStep({ challenge, onDone }: { challenge: string; onDone: () => void }) {
  const [asking, assert] = usePasskeyAssertion();
  const [state, finish] = useApiMutation(FinishPasskeyLogInMutation);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    const outcome = await assert(challenge);
    if (outcome.error !== undefined) {
      setError(outcome.error);
      return;
    }
    const result = await finish({ input: { credential: outcome.credential, mfaChallenge: challenge, sessionCookie: true } });
    if (result.data) onDone();
    else setError(formErrors(result.error).form);
  };
  return (
    <div className="alternative">
      <Button loading={asking || state.fetching} onClick={() => void run()}>
        Use a passkey
      </Button>
      <FormError message={error} />
    </div>
  );
}
