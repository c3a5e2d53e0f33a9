import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { RequestPasswordResetMutation, ResetPasswordMutation } from "../operations";

type Channel = "EMAIL" | "SMS";

/** A reset link by e-mail, or a 6-digit code texted to the account's verified number. */
export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const [channel, setChannel] = useState<Channel>("EMAIL");
  const [email, setEmail] = useState("");
  const [phoneNumber, setPhoneNumber] = useState("");
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [requestState, request] = useApiMutation(RequestPasswordResetMutation);
  const [resetState, reset] = useApiMutation(ResetPasswordMutation);
  const requestErrors = formErrors(requestState.error, ["email", "phoneNumber", "channel"]);
  const resetErrors = formErrors(resetState.error, ["code", "newPassword", "phoneNumber"]);

  const ask = async () => {
    const input = channel === "EMAIL" ? { email: email.trim(), channel } : { phoneNumber: phoneNumber.trim(), channel };
    const result = await request({ input });
    if (result.data) setSent(true);
  };
  const choose = async () => {
    const result = await reset({ input: { code: code.trim(), phoneNumber: phoneNumber.trim(), newPassword } });
    if (result.data?.resetPassword) void navigate("/login?reason=password-reset", { replace: true });
  };

  return (
    <Page title="Forgotten password">
      <Form onSubmit={ask} error={requestErrors.form} label="Ask for a reset">
        <fieldset className="field">
          <legend>How should we reach you?</legend>
          <label className="check-inline">
            <input type="radio" name="channel" value="EMAIL" checked={channel === "EMAIL"} onChange={() => { setChannel("EMAIL"); setSent(false); }} />
            A link by e-mail
          </label>
          <label className="check-inline">
            <input type="radio" name="channel" value="SMS" checked={channel === "SMS"} onChange={() => { setChannel("SMS"); setSent(false); }} />
            A code by SMS to my verified phone number
          </label>
        </fieldset>
        {channel === "EMAIL" ? (
          <TextField label="E-mail address" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={requestErrors.fields.email} required />
        ) : (
          <TextField label="Phone number" name="phoneNumber" type="tel" autoComplete="tel" value={phoneNumber} onChange={(e) => setPhoneNumber(e.target.value)} error={requestErrors.fields.phoneNumber} hint="With its country code, e.g. +33612345678." required />
        )}
        <Button type="submit" loading={requestState.fetching}>
          {channel === "EMAIL" ? "Send me a link" : "Text me a code"}
        </Button>
      </Form>
      {sent && channel === "EMAIL" && <Notice tone="success">If an account uses that address, a reset link is on its way (valid 30 minutes).</Notice>}
      {sent && channel === "SMS" && (
        <>
          <Notice tone="success">If an account has that verified number, a 6-digit code is on its way (valid 10 minutes).</Notice>
          <Form onSubmit={choose} error={resetErrors.form} label="Choose a new password">
            <TextField label="Code from the text message" name="code" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} error={resetErrors.fields.code} required />
            <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} error={resetErrors.fields.newPassword} hint="8 to 256 characters." required />
            <Button type="submit" loading={resetState.fetching}>
              Set the new password
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </Page>
  );
}
