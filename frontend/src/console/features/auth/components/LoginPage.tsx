import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { useResetClient } from "../../../app/provider";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import type { LogInMutation as Answer } from "../../../gql/graphql";
import { formErrors } from "../../../lib/errors";
import { safeNext, signInReasons } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { FinishPasskeyLogInMutation, LogInMutation } from "../operations";
import { usePasskeyAssertion } from "../passkey";
import { SecondStep } from "./SecondStep";

type Challenge = Extract<Answer["logIn"], { __typename: "MfaChallenge" }>;
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const reason = signInReasons[params.get("reason") ?? ""];
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [resent, setResent] = useState(false);
  const [state, logIn] = useApiMutation(LogInMutation);
  const errors = formErrors(state.error, ["email", "password"]);

  const signedIn = () => {
    resetClient();
    void navigate(next, { replace: true });
  };

  const submit = async () => {
    const result = await logIn({ input: { email: email.trim(), password, sessionCookie: true } });
    const answer = result.data?.logIn;
    if (answer?.__typename === "AuthSession") signedIn();
    else if (answer?.__typename === "MfaChallenge") setChallenge(answer);
  };

  const resend = async () => {
    setResent(false);
    const result = await logIn({ input: { email: email.trim(), password, sessionCookie: true } });
    const answer = result.data?.logIn;
    if (answer?.__typename === "MfaChallenge") {
      setChallenge(answer);
      setResent(true);
    }
  };

  if (challenge) {
    return (
      <Page title="Second step">
        <SecondStep
          key={challenge.challenge}
          challenge={challenge.challenge}
          expiresAt={challenge.expiresAt}
          methods={challenge.methods}
          onDone={signedIn}
          onResend={() => void resend()}
          resending={state.fetching}
          resent={resent}
        />
        {state.error && <p className="field-error">{formErrors(state.error).form}</p>}
        <p>
          <Button variant="link" onClick={() => setChallenge(null)}>
            Start over
          </Button>
        </p>
      </Page>
    );
  }

  return (
    <Page title="Sign in">
      {reason && <Notice tone="warning">{reason}</Notice>}
      <Form onSubmit={submit} error={errors.form} label="Sign in">
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          required
        />
        <Button type="submit" loading={state.fetching}>
          Sign in
        </Button>
      </Form>
      <PasskeySignIn onDone={signedIn} />
      <ul className="links">
        <li>
          <Link to={params.get("next") ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>Create an account</Link>
        </li>
        <li>
          <Link to="/forgot-password">Forgotten password</Link>
        </li>
        <li>
          <Link to="/magic-link">Sign in with a link by e-mail</Link>
        </li>
      </ul>
    </Page>
  );
}

/** Passwordless: the browser offers the passkeys it holds for this site, and the one chosen
 * says whose account it is. No address is typed, and the server tells nothing about accounts. */
function PasskeySignIn({ onDone }: { onDone: () => void }) {
  const [asking, assert] = usePasskeyAssertion();
  const [state, finish] = useApiMutation(FinishPasskeyLogInMutation);
  const [error, setError] = useState<string | null>(null);
  const signIn = async () => {
    setError(null);
    const outcome = await assert();
    if (outcome.error !== undefined) {
      setError(outcome.error);
      return;
    }
    const result = await finish({ input: { credential: outcome.credential, sessionCookie: true } });
    if (result.data) onDone();
    else setError(formErrors(result.error).form);
  };
  return (
    <div className="alternative">
      <p className="or" aria-hidden="true">
        or
      </p>
      <Button variant="secondary" loading={asking || state.fetching} onClick={() => void signIn()}>
        Sign in with a passkey
      </Button>
      <FormError message={error} />
    </div>
  );
}
