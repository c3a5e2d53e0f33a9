import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Page, Section } from "../../../components/layouts/Page";
import { errorMessage, formErrors } from "../../../lib/errors";
import { mfaMethodLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { useViewer } from "../../auth/viewer";
import {
  BeginMfaEnrollmentMutation,
  ChangePasswordMutation,
  ConfirmMfaEnrollmentMutation,
  DisableMfaMutation,
  EnableSmsMfaMutation,
  RegenerateBackupCodesMutation,
  SecurityQuery,
} from "../operations";
import { BackupCodes } from "./BackupCodes";
import { Passkeys } from "./Passkeys";

export function SecurityPage() {
  const [result, refetch] = useQuery({ query: SecurityQuery, requestPolicy: "cache-and-network" });
  const { refresh } = useViewer();
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const me = result.data?.me;
  const passkeys = me?.passkeys.edges.map((e) => e.node) ?? [];
  const changed = (newCodes?: readonly string[]) => {
    if (newCodes) setCodes(newCodes);
    refetch({ requestPolicy: "network-only" });
    refresh();
  };
  return (
    <Page title="Security">
      {!me ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : (
        <>
          <Section title="Multi-factor authentication">
            <p>
              {me.mfaEnabled && passkeys.length > 0 ? (
                <>
                  <strong>On</strong>: {passkeys.length === 1 ? "your passkey" : `your ${passkeys.length} passkeys`} (listed below), and the authenticator app or SMS
                  codes if you set them up. Backup codes left: {me.backupCodesRemaining}.
                </>
              ) : me.mfaEnabled ? (
                <>
                  <strong>On</strong>: {mfaMethodLabels[me.mfaMethod]}. Backup codes left: {me.backupCodesRemaining}.
                </>
              ) : (
                <>
                  <strong>Off.</strong> A second factor keeps your account safe when your password leaks.
                </>
              )}
            </p>
            {codes && <BackupCodes codes={codes} />}
            <TotpEnrollment onEnabled={(c) => changed(c)} replacing={me.mfaEnabled && passkeys.length === 0} />
            <SmsFactor phoneNumber={me.phoneNumber} active={me.mfaEnabled && me.mfaMethod === "SMS"} onEnabled={(c) => changed(c)} />
            {me.mfaEnabled && <RegenerateCodes onDone={(c) => changed(c)} />}
            {me.mfaEnabled && <DisableMfa onDone={() => { setCodes(null); changed(); }} />}
          </Section>
          <Passkeys passkeys={passkeys} mfaEnabled={me.mfaEnabled} onChanged={() => changed()} />
          <ChangePassword />
        </>
      )}
    </Page>
  );
}

function TotpEnrollment({ onEnabled, replacing }: { onEnabled: (codes: readonly string[]) => void; replacing: boolean }) {
  const [beginState, begin, resetBegin] = useApiMutation(BeginMfaEnrollmentMutation);
  const [confirmState, confirm] = useApiMutation(ConfirmMfaEnrollmentMutation);
  const [code, setCode] = useState("");
  const enrollment = beginState.data?.beginMfaEnrollment;
  const errors = formErrors(confirmState.error, ["code"]);
  const submit = async () => {
    const result = await confirm({ input: { code: code.trim() } });
    if (result.data) {
      setCode("");
      resetBegin();
      onEnabled(result.data.confirmMfaEnrollment.codes);
    }
  };
  if (!enrollment) {
    return (
      <div className="subsection">
        <h3>Authenticator app (recommended)</h3>
        <p>Any TOTP app works: it shows a new 6-digit code every 30 seconds.</p>
        <FormErrorLine message={formErrors(beginState.error).form} />
        <Button loading={beginState.fetching} onClick={() => void begin({})}>
          {replacing ? "Set up a new authenticator app" : "Set up an authenticator app"}
        </Button>
      </div>
    );
  }
  return (
    <div className="subsection">
      <h3>Scan this code with your authenticator app</h3>
      <div className="enroll">
        <img className="qr" src={enrollment.qrCodeDataUri} alt="QR code of your new authenticator secret: it holds the same secret as the text below." width={200} height={200} />
        <div>
          <p>Or type this secret into the app:</p>
          <p>
            <code className="secret" data-testid="totp-secret">{enrollment.secret}</code>
          </p>
          <Form onSubmit={submit} error={errors.form} label="Confirm the authenticator app">
            <TextField label="Code the app shows now" name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={errors.fields.code} required />
            <div className="actions">
              <Button type="submit" loading={confirmState.fetching}>
                Turn on
              </Button>
              <Button variant="secondary" onClick={resetBegin}>
                Cancel
              </Button>
            </div>
          </Form>
        </div>
      </div>
    </div>
  );
}

function SmsFactor({ phoneNumber, active, onEnabled }: { phoneNumber: string | null; active: boolean; onEnabled: (codes: readonly string[]) => void }) {
  const [state, enable] = useApiMutation(EnableSmsMfaMutation);
  return (
    <div className="subsection">
      <h3>SMS codes (weaker)</h3>
      <p className="muted">
        A code texted to your verified number. Weaker than an app: numbers can be taken over (SIM swap) and texts intercepted.
      </p>
      {active ? (
        <p>SMS is your second factor now.</p>
      ) : phoneNumber ? (
        <>
          <FormErrorLine message={formErrors(state.error).form} />
          <Button variant="secondary" loading={state.fetching} onClick={() => void enable({}).then((r) => r.data && onEnabled(r.data.enableSmsMfa.codes))}>
            Use SMS to {phoneNumber} as the second factor
          </Button>
        </>
      ) : (
        <p>
          Add and verify a phone number in your <Link to="/profile">profile</Link> first.
        </p>
      )}
    </div>
  );
}

function RegenerateCodes({ onDone }: { onDone: (codes: readonly string[]) => void }) {
  const [state, regenerate] = useApiMutation(RegenerateBackupCodesMutation);
  return (
    <div className="subsection">
      <h3>Backup codes</h3>
      <FormErrorLine message={formErrors(state.error).form} />
      <Button variant="secondary" loading={state.fetching} onClick={() => void regenerate({}).then((r) => r.data && onDone(r.data.regenerateBackupCodes.codes))}>
        Make new backup codes
      </Button>
      <p className="muted">The old ones stop working.</p>
    </div>
  );
}

function DisableMfa({ onDone }: { onDone: () => void }) {
  const [confirmation, setConfirmation] = useState("");
  const [state, disable] = useApiMutation(DisableMfaMutation);
  const errors = formErrors(state.error, ["confirmation"]);
  const submit = async () => {
    const result = await disable({ input: { confirmation } });
    if (result.data) {
      setConfirmation("");
      onDone();
    }
  };
  return (
    <div className="subsection">
      <h3>Turn multi-factor authentication off</h3>
      <Form onSubmit={submit} error={errors.form} label="Turn multi-factor authentication off">
        <TextField label='Type "DISABLE" to confirm' name="confirmation" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} error={errors.fields.confirmation} hint="Every second factor goes, passkeys included. Organizations that require it will block you." required />
        <Button variant="danger" type="submit" loading={state.fetching}>
          Turn off
        </Button>
      </Form>
    </div>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [state, change] = useApiMutation(ChangePasswordMutation);
  const errors = formErrors(state.error, ["currentPassword", "newPassword"]);
  const submit = async () => {
    const result = await change({ input: { currentPassword, newPassword } });
    if (result.data?.changePassword) {
      setCurrent("");
      setNew("");
    }
  };
  return (
    <Section title="Password" description="Changing it ends every other session and tells you by e-mail.">
      <Form onSubmit={submit} error={errors.form} label="Change the password">
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={errors.fields.currentPassword} required />
        <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} error={errors.fields.newPassword} hint="8 to 256 characters." required />
        <Button type="submit" loading={state.fetching}>
          Change the password
        </Button>
        {state.data?.changePassword && <Notice tone="success">Password changed; your other sessions ended.</Notice>}
      </Form>
    </Section>
  );
}

function FormErrorLine({ message }: { message: string | null }) {
  return message ? <ErrorNotice message={message} /> : null;
}
