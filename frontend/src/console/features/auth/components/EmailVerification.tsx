import { useState } from "react";
import { Link } from "react-router";

import { Button } from "../../../components/Button";
import { Form } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { forgetFragment, useFragmentParam } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { ResendVerificationEmailMutation, VerifyEmailMutation } from "../operations";
import { useViewer } from "../viewer";

/** "Send the link again", with what came of it. */
export function ResendVerification() {
  const [state, resend] = useApiMutation(ResendVerificationEmailMutation);
  return (
    <span className="inline-action">
      <Button variant="link" loading={state.fetching} onClick={() => void resend({})}>
        Send the link again
      </Button>
      <span role="status">{state.data?.resendVerificationEmail ? " A new link is on its way." : (formErrors(state.error).form ?? "")}</span>
    </span>
  );
}

/** Where the sign-up link lands (#token=…). The API verifies only for the account the link
 * is for, signed in: the layout around this page has asked to sign in first. */
export function VerifyEmailPage() {
  const token = useFragmentParam("token");
  const { viewer, refresh } = useViewer();
  const [state, verify] = useApiMutation(VerifyEmailMutation);
  const [done, setDone] = useState(false);
  const errors = formErrors(state.error, ["token"]);
  const submit = async () => {
    const result = await verify({ input: { token: token ?? "" } });
    if (result.data?.verifyEmail.emailVerified) {
      forgetFragment();
      setDone(true);
      refresh();
    }
  };
  return (
    <Page title="Verify your e-mail address">
      {done || (viewer.emailVerified && !token) ? (
        <>
          <Notice tone="success">{viewer.email} is verified.</Notice>
          <p>
            <Link to="/">Go to the overview</Link>
          </p>
        </>
      ) : !token ? (
        <p>
          Open the link we mailed to {viewer.email}. <ResendVerification />
        </p>
      ) : (
        <Form onSubmit={submit} error={errors.form ?? errors.fields.token} label="Verify the address">
          <p>Confirm that {viewer.email} is yours.</p>
          <Button type="submit" loading={state.fetching}>
            Verify {viewer.email}
          </Button>
        </Form>
      )}
    </Page>
  );
}
