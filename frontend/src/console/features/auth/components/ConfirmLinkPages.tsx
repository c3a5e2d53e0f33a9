// Links that need no session: the new address of an e-mail change, and a notification
// contact's address. Nothing is spent until the button is pressed.
import { useState } from "react";
import { Link } from "react-router";

import { Button } from "../../../components/Button";
import { Form } from "../../../components/Form";
import { ErrorNotice, Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { forgetFragment, useFragmentParam } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { ConfirmContactMutation, ConfirmEmailChangeMutation } from "../operations";

const MISSING = "This address has no token: open the link from the e-mail again.";

export function ConfirmEmailPage() {
  const token = useFragmentParam("token");
  const [done, setDone] = useState<string | null>(null);
  const [state, confirm] = useApiMutation(ConfirmEmailChangeMutation);
  const errors = formErrors(state.error, ["token"]);
  const submit = async () => {
    const result = await confirm({ input: { token: token ?? "" } });
    if (result.data) {
      forgetFragment();
      setDone(result.data.confirmEmailChange.email);
    }
  };
  return (
    <Page title="Confirm your new e-mail address">
      {done ? (
        <>
          <Notice tone="success">Your account's address is now {done}.</Notice>
          <p>
            <Link to="/">Go to the console</Link>
          </p>
        </>
      ) : !token ? (
        <ErrorNotice message={MISSING} />
      ) : (
        <Form onSubmit={submit} error={errors.form ?? errors.fields.token} label="Confirm the address">
          <p>Make this address your account's e-mail address.</p>
          <Button type="submit" loading={state.fetching}>
            Confirm the address
          </Button>
        </Form>
      )}
    </Page>
  );
}

export function ConfirmContactPage() {
  const token = useFragmentParam("token");
  const [done, setDone] = useState(false);
  const [state, confirm] = useApiMutation(ConfirmContactMutation);
  const errors = formErrors(state.error, ["token"]);
  const submit = async () => {
    const result = await confirm({ input: { token: token ?? "" } });
    if (result.data?.confirmContact) {
      forgetFragment();
      setDone(true);
    }
  };
  return (
    <Page title="Receive an organization's notices">
      {done ? (
        <Notice tone="success">Confirmed: this address now receives the notices it was listed for.</Notice>
      ) : !token ? (
        <ErrorNotice message={MISSING} />
      ) : (
        <Form onSubmit={submit} error={errors.form ?? errors.fields.token} label="Confirm the contact">
          <p>Confirm that this address may receive the notices of the organization that listed it.</p>
          <Button type="submit" loading={state.fetching}>
            Confirm
          </Button>
        </Form>
      )}
    </Page>
  );
}
