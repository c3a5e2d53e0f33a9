// The danger zone of the profile: deleting the account for good. The password (and a
// second-factor code, or a passkey's assertion, when MFA is on) go in the mutation's input
// itself; a dialog asks once more. While the person is the last owner of an organization the server answers CONFLICT
// and names those organizations in extensions.organizations: they are listed with links.
import type { CombinedError } from "@urql/core";
import { useState } from "react";
import { Link } from "react-router";

import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { Section } from "../../../components/layouts/Page";
import { formErrors, NO_ERRORS } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { useSessionEnd } from "../../../lib/session-end";
import { usePasskeyAssertion } from "../../auth/passkey";
import { useViewer } from "../../auth/viewer";
import { DeleteAccountMutation } from "../operations";

interface Stranded {
  message: string;
  organizations: { id: string; name: string }[];
}

function isNamed(value: unknown): value is { id: string; name: string } {
  if (typeof value !== "object" || value === null) return false;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof id === "string" && typeof name === "string";
}

/** The organizations a CONFLICT says the person is the last owner of, if it says so. */
function strandedOrganizations(error: CombinedError | undefined): Stranded | null {
  const conflict = error?.graphQLErrors.find((e) => e.extensions?.code === "CONFLICT");
  const listed = conflict?.extensions?.organizations;
  if (!conflict || !Array.isArray(listed)) return null;
  return { message: conflict.message, organizations: listed.filter(isNamed) };
}

export function DeleteAccount() {
  const { viewer } = useViewer();
  const sessionEnd = useSessionEnd();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [state, deleteAccount] = useApiMutation(DeleteAccountMutation);
  const [asking, assert] = usePasskeyAssertion();
  // With a passkey, the code is one way among two: left empty, the passkey answers.
  const hasPasskey = viewer.mfaEnabled && viewer.passkeys.totalCount > 0;
  const withPasskey = hasPasskey && code.trim() === "";
  const stranded = strandedOrganizations(state.error);
  const errors = stranded ? NO_ERRORS : formErrors(state.error, ["password", "code", "passkey"]);

  const confirm = async () => {
    setConfirming(false);
    setPasskeyError(null);
    let input;
    if (withPasskey) {
      const outcome = await assert();
      if (outcome.error !== undefined) {
        setPasskeyError(outcome.error);
        return;
      }
      input = { password, passkey: outcome.credential };
    } else {
      input = viewer.mfaEnabled ? { password, code: code.trim() } : { password };
    }
    // The server ends every session, and the live events say so before the answer comes.
    sessionEnd.expect("account-deleted");
    const result = await deleteAccount({ input });
    if (result.data?.deleteAccount) sessionEnd.leave("account-deleted");
    else sessionEnd.expect(null);
  };

  return (
    <Section title="Delete your account" tone="danger">
      <p>
        This cannot be undone. Your sessions, API keys, second factors, phone number, SSH keys, login history and memberships
        go at once; your address becomes free for a new account. Organizations keep their records, signed “Deleted user”.
      </p>
      <p>
        You cannot delete your account while you are the last owner of an organization: make another member an owner, or
        delete the organization, first. You may want to download your data before.
      </p>
      {stranded && (
        <div className="notice notice-error" role="alert">
          <p>{stranded.message}</p>
          <ul>
            {stranded.organizations.map((o) => (
              <li key={o.id}>
                <strong>{o.name}</strong>: <Link to={`/orgs/${o.id}/members`}>make another member of {o.name} an owner</Link>, or{" "}
                <Link to={`/orgs/${o.id}`}>delete {o.name} from its page</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form onSubmit={() => setConfirming(true)} error={passkeyError ?? errors.fields.passkey ?? errors.form} label="Delete your account">
        <TextField
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          required
        />
        {viewer.mfaEnabled && (
          <TextField
            label="Code from your second factor"
            name="code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
            hint={
              hasPasskey
                ? "Leave it empty to confirm with your passkey, or give a code from your authenticator app or a backup code."
                : viewer.mfaMethod === "SMS"
                  ? "The texted code, or a backup code."
                  : "The code your authenticator app shows now, or a backup code."
            }
            required={!hasPasskey}
          />
        )}
        <Button type="submit" variant="danger" loading={state.fetching || asking}>
          Delete your account
        </Button>
      </Form>
      <Dialog open={confirming} title="Delete your account for good?" onClose={() => setConfirming(false)}>
        <p>
          {viewer.email} and everything it holds will be deleted, and you will be signed out everywhere. There is no way back.
        </p>
        <div className="actions">
          <Button variant="danger" onClick={() => void confirm()}>
            Delete my account
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep my account
          </Button>
        </div>
      </Dialog>
    </Section>
  );
}
