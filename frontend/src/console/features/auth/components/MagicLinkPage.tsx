import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { useResetClient } from "../../../app/provider";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import type { LogInWithMagicLinkMutation as Answer } from "../../../gql/graphql";
import { formErrors } from "../../../lib/errors";
import { forgetFragment, useFragmentParam } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { LogInWithMagicLinkMutation, RequestMagicLinkMutation } from "../operations";
import { SecondStep } from "./SecondStep";

/** Without a #token: ask for a link. With one (the mailed link): sign in with it, once the
 * person presses the button, so that a mail scanner opening the link spends nothing. */

type Challenge = Extract<Answer["logInWithMagicLink"], { __typename: "MfaChallenge" }>;
export function MagicLinkPage() {
  const token = useFragmentParam("token");
  return token ? <LandWithLink token={token} /> : <AskForLink />;
}

function AskForLink() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const [state, request] = useApiMutation(RequestMagicLinkMutation);
  const errors = formErrors(state.error, ["email"]);
  const submit = async () => {
    const result = await request({ input: { email: email.trim() } });
    if (result.data) setSent(email.trim());
  };
  return (
    <Page title="Sign in with a link">
      {sent !== null && <Notice tone="success">If an account uses {sent}, a sign-in link is on its way. It works once, for 15 minutes.</Notice>}
      <Form onSubmit={submit} error={errors.form} label="Ask for a sign-in link">
        <TextField label="E-mail address" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
        <Button type="submit" loading={state.fetching}>
          Send me a link
        </Button>
      </Form>
      <p>
        <Link to="/login">Sign in with a password</Link>
      </p>
    </Page>
  );
}

function LandWithLink({ token }: { token: string }) {
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [state, logIn] = useApiMutation(LogInWithMagicLinkMutation);
  const errors = formErrors(state.error);
  const signedIn = () => {
    resetClient();
    void navigate("/", { replace: true });
  };
  const submit = async () => {
    const result = await logIn({ input: { token, sessionCookie: true } });
    const answer = result.data?.logInWithMagicLink;
    if (answer) forgetFragment();
    if (answer?.__typename === "AuthSession") signedIn();
    else if (answer?.__typename === "MfaChallenge") setChallenge(answer);
  };
  if (challenge) {
    return (
      <Page title="Second step">
        <SecondStep challenge={challenge.challenge} expiresAt={challenge.expiresAt} methods={challenge.methods} onDone={signedIn} />
      </Page>
    );
  }
  return (
    <Page title="Sign in with this link">
      <p>This one-time link signs you in to your account.</p>
      <Form onSubmit={submit} error={errors.form} label="Sign in with this link">
        <Button type="submit" loading={state.fetching}>
          Sign in
        </Button>
      </Form>
      {state.error && (
        <p>
          <Link to="/magic-link">Ask for a new link</Link> or <Link to="/login">sign in with a password</Link>.
        </p>
      )}
    </Page>
  );
}
