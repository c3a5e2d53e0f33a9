import { useState } from "react";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { Checkbox, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { errorMessage, formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { ResendVerification } from "../../auth/components/EmailVerification";
import { useViewer } from "../../auth/viewer";
import {
  ChangeEmailMutation,
  ProfileQuery,
  RemovePhoneNumberMutation,
  SetLoginNotificationsMutation,
  SetPhoneNumberMutation,
  UpdateProfileMutation,
  VerifyPhoneNumberMutation,
} from "../operations";
import { DeleteAccount } from "./DeleteAccount";
import { DownloadData } from "./DownloadData";

export function ProfilePage() {
  const [result, refetch] = useQuery({ query: ProfileQuery, requestPolicy: "cache-and-network" });
  const { refresh } = useViewer();
  const me = result.data?.me;
  const changed = () => {
    refetch({ requestPolicy: "network-only" });
    refresh();
  };
  return (
    <Page title="Profile">
      {!me ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : (
        <>
          <p className="muted">
            Account created <Time value={me.createdAt} />.
          </p>
          <NameForm name={me.name} onDone={changed} />
          <EmailForm email={me.email} verified={me.emailVerified} />
          <PhoneForm phoneNumber={me.phoneNumber} onDone={changed} />
          <Notifications enabled={me.loginNotifications} verified={me.emailVerified} />
          <DownloadData />
          <DeleteAccount />
        </>
      )}
    </Page>
  );
}

function NameForm({ name: current, onDone }: { name: string; onDone: () => void }) {
  const [name, setName] = useState(current);
  const [state, update] = useApiMutation(UpdateProfileMutation);
  const errors = formErrors(state.error, ["name"]);
  const submit = async () => {
    const result = await update({ input: { name: name.trim() } });
    if (result.data) onDone();
  };
  return (
    <Section title="Name">
      <Form onSubmit={submit} error={errors.form} label="Name">
        <TextField label="Name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} hint="200 characters at most." required />
        <Button type="submit" loading={state.fetching}>
          Save the name
        </Button>
        {state.data && <Notice tone="success">Saved.</Notice>}
      </Form>
    </Section>
  );
}

function EmailForm({ email, verified }: { email: string; verified: boolean }) {
  const [newEmail, setNewEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [state, change] = useApiMutation(ChangeEmailMutation);
  const errors = formErrors(state.error, ["newEmail"]);
  const submit = async () => {
    const result = await change({ input: { newEmail: newEmail.trim() } });
    if (result.data?.changeEmail) {
      setSentTo(newEmail.trim());
      setNewEmail("");
    }
  };
  return (
    <Section title="E-mail address">
      <p>
        {email} · {verified ? "verified" : <strong>not verified</strong>} {!verified && <ResendVerification />}
      </p>
      <Form onSubmit={submit} error={errors.form} label="Change the e-mail address">
        <TextField label="New e-mail address" name="newEmail" type="email" autoComplete="email" value={newEmail} onChange={(e) => setNewEmail(e.target.value)} error={errors.fields.newEmail} hint="We send a link to it; the address changes once the link is followed." required />
        <Button type="submit" loading={state.fetching}>
          Send the confirmation link
        </Button>
        {sentTo && <Notice tone="success">A link is on its way to {sentTo}. Your address changes once it is followed.</Notice>}
      </Form>
    </Section>
  );
}

function PhoneForm({ phoneNumber, onDone }: { phoneNumber: string | null; onDone: () => void }) {
  const [number, setNumber] = useState("");
  const [code, setCode] = useState("");
  const [texted, setTexted] = useState(false);
  const [setState_, setPhone] = useApiMutation(SetPhoneNumberMutation);
  const [verifyState, verify] = useApiMutation(VerifyPhoneNumberMutation);
  const [removeState, remove] = useApiMutation(RemovePhoneNumberMutation);
  const setErrors = formErrors(setState_.error, ["phoneNumber"]);
  const verifyErrors = formErrors(verifyState.error, ["code"]);
  const send = async () => {
    const result = await setPhone({ input: { phoneNumber: number.trim() } });
    if (result.data?.setPhoneNumber) setTexted(true);
  };
  const confirm = async () => {
    const result = await verify({ input: { code: code.trim() } });
    if (result.data) {
      setTexted(false);
      setCode("");
      setNumber("");
      onDone();
    }
  };
  return (
    <Section title="Phone number" description="For password resets by SMS, and for SMS as a second factor.">
      <p>{phoneNumber ? <>Verified number: {phoneNumber}</> : "No phone number."}</p>
      {phoneNumber && (
        <>
          <FormError message={formErrors(removeState.error).form} />
          <ConfirmButton label="Remove the phone number" title="Remove the phone number?" question="SMS resets stop; if SMS is your second factor, multi-factor authentication turns off." confirmLabel="Remove" loading={removeState.fetching} onConfirm={() => remove({}).then((r) => r.data && onDone())} />
        </>
      )}
      <Form onSubmit={send} error={setErrors.form} label="Set a phone number">
        <TextField label={phoneNumber ? "New phone number" : "Phone number"} name="phoneNumber" type="tel" autoComplete="tel" value={number} onChange={(e) => setNumber(e.target.value)} error={setErrors.fields.phoneNumber} hint="With its country code, e.g. +33612345678. We text it a code." required />
        <Button type="submit" loading={setState_.fetching}>
          Text me a code
        </Button>
      </Form>
      {texted && (
        <Form onSubmit={confirm} error={verifyErrors.form} label="Verify the phone number">
          <Notice tone="success">A code is on its way to {number}.</Notice>
          <TextField label="Code from the text message" name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={verifyErrors.fields.code} hint="6 digits; five tries." required />
          <Button type="submit" loading={verifyState.fetching}>
            Verify the number
          </Button>
        </Form>
      )}
    </Section>
  );
}

function Notifications({ enabled, verified }: { enabled: boolean; verified: boolean }) {
  const [state, set] = useApiMutation(SetLoginNotificationsMutation);
  const errors = formErrors(state.error, ["enabled"]);
  const value = state.data?.setLoginNotifications.loginNotifications ?? enabled;
  return (
    <Section title="Login notifications">
      <Form onSubmit={() => undefined} error={errors.form} label="Login notifications">
        <Checkbox
          label="E-mail me about every login attempt on my account"
          checked={value}
          disabled={state.fetching}
          onChange={(e) => void set({ input: { enabled: e.target.checked } })}
          error={errors.fields.enabled}
          hint={verified ? undefined : "Needs a verified e-mail address."}
        />
      </Form>
    </Section>
  );
}
