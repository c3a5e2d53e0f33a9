import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { useResetClient } from "../../../app/provider";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Page } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { safeNext } from "../../../lib/links";
import { useApiMutation } from "../../../lib/mutation";
import { SignUpMutation } from "../operations";

export function SignUpPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const resetClient = useResetClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [state, signUp] = useApiMutation(SignUpMutation);
  const errors = formErrors(state.error, ["name", "email", "password"]);
  const submit = async () => {
    const result = await signUp({ input: { name: name.trim(), email: email.trim(), password, sessionCookie: true } });
    if (result.data) {
      resetClient();
      void navigate(next, { replace: true, state: { notice: `We sent a link to ${result.data.signUp.user.email}: open it to verify your address.` } });
    }
  };
  return (
    <Page title="Create an account">
      <Form onSubmit={submit} error={errors.form} label="Create an account">
        <TextField label="Name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          hint="We send a link to it: open it to verify the address."
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          hint="8 to 256 characters; a long phrase is best. Very common passwords are refused."
          required
        />
        <Button type="submit" loading={state.fetching}>
          Create the account
        </Button>
      </Form>
      <p>
        Already have an account? <Link to={params.get("next") ? `/login?next=${encodeURIComponent(next)}` : "/login"}>Sign in</Link>
      </p>
    </Page>
  );
}
