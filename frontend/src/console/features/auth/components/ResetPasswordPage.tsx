import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { ErrorNotice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { forgetFragment, useFragmentParam } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { ResetPasswordMutation } from "../operations";

/** Where the mailed reset link lands (#token=…). */
export function ResetPasswordPage() {
  const token = useFragmentParam("token");
  const navigate = useNavigate();
  const [newPassword, setNewPassword] = useState("");
  const [state, reset] = useApiMutation(ResetPasswordMutation);
  const errors = formErrors(state.error, ["newPassword", "token"]);
  const submit = async () => {
    const result = await reset({ input: { token, newPassword } });
    if (result.data?.resetPassword) {
      forgetFragment();
      void navigate("/login?reason=password-reset", { replace: true });
    }
  };
  return (
    <Page title="Choose a new password">
      {!token ? (
        <ErrorNotice message="This address has no reset token: open the link from the e-mail again, or ask for a new one." />
      ) : (
        <Form onSubmit={submit} error={errors.form ?? errors.fields.token} label="Choose a new password">
          <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} error={errors.fields.newPassword} hint="8 to 256 characters. Every session ends; multi-factor authentication stays on." required />
          <Button type="submit" loading={state.fetching}>
            Set the new password
          </Button>
        </Form>
      )}
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </Page>
  );
}
