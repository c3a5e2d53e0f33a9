import { useState } from "react";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Time } from "../../../components/Time";
import { Section } from "../../../components/layouts/Page";
import { getFragmentData, type FragmentType } from "../../../gql";
import { formErrors } from "../../../lib/errors";
import { passkeyDeviceTypeLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { createPasskey, NO_WEBAUTHN, passkeysSupported } from "../../../lib/webauthn";
import {
  BeginPasskeyRegistrationMutation,
  FinishPasskeyRegistrationMutation,
  PasskeyItemFragment,
  RemovePasskeyMutation,
  RenamePasskeyMutation,
} from "../operations";

/** The security page's passkeys: the list, and adding, renaming and removing one. Each
 * change needs sudo mode; useApiMutation asks for it through the re-authentication prompt. */
export function Passkeys({
  passkeys,
  mfaEnabled,
  onChanged,
}: {
  passkeys: readonly FragmentType<typeof PasskeyItemFragment>[];
  mfaEnabled: boolean;
  onChanged: () => void;
}) {
  const supported = passkeysSupported();
  return (
    <Section
      title="Passkeys"
      description="A passkey signs you in without a password, and counts as a second factor after one. It stays on your device or in your password manager and works only on this site, so a look-alike site cannot phish it."
    >
      {!supported && <Notice tone="warning">{NO_WEBAUTHN}</Notice>}
      {passkeys.length === 0 ? (
        <p>You have no passkey yet.</p>
      ) : (
        <ul className="item-list" aria-label="Passkeys">
          {passkeys.map((p) => (
            <PasskeyRow key={getFragmentData(PasskeyItemFragment, p).id} passkey={p} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {supported && <AddPasskey first={passkeys.length === 0} mfaEnabled={mfaEnabled} onAdded={onChanged} />}
    </Section>
  );
}

function PasskeyRow({ passkey: ref, onChanged }: { passkey: FragmentType<typeof PasskeyItemFragment>; onChanged: () => void }) {
  const passkey = getFragmentData(PasskeyItemFragment, ref);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [renameState, rename] = useApiMutation(RenamePasskeyMutation);
  const [removeState, remove] = useApiMutation(RemovePasskeyMutation);
  const errors = formErrors(renameState.error, ["name"]);
  const submit = async () => {
    const result = await rename({ input: { id: passkey.id, name: name.trim() } });
    if (result.data) {
      setRenaming(false);
      onChanged();
    }
  };
  const onRemove = async () => {
    const result = await remove({ input: { id: passkey.id } });
    if (result.data) onChanged();
  };
  return (
    <li className="stacked">
      <div>
        <strong>{passkey.name}</strong>
        <ul className="passkey-facts">
          <li>
            Added <Time value={passkey.createdAt} />
          </li>
          <li>{passkey.lastUsedAt ? <>Last used <Time value={passkey.lastUsedAt} /></> : "Never used to sign in"}</li>
          <li>{passkeyDeviceTypeLabels[passkey.deviceType]}</li>
          <li>{passkey.backedUp ? "Backed up" : "Not backed up"}</li>
        </ul>
        {passkey.cloneSuspectedAt && (
          <Notice tone="warning">
            On <Time value={passkey.cloneSuspectedAt} /> this passkey signed as if it had been copied, and that sign-in was refused. Unless you know why,
            remove it.
          </Notice>
        )}
      </div>
      {renaming ? (
        <Form onSubmit={submit} error={errors.form} label={`Rename ${passkey.name}`} className="inline-form">
          <TextField label="New name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} maxLength={100} required autoFocus />
          <div className="actions">
            <Button type="submit" loading={renameState.fetching}>
              Save the name
            </Button>
            <Button variant="secondary" onClick={() => { setRenaming(false); setName(passkey.name); }}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <div className="actions">
          <Button variant="secondary" onClick={() => setRenaming(true)}>
            Rename {passkey.name}
          </Button>
          <ConfirmButton
            label={`Remove ${passkey.name}`}
            title={`Remove ${passkey.name}?`}
            question="It will no longer sign you in. Remove it from your device or password manager too. You are told by e-mail."
            confirmLabel="Remove"
            onConfirm={onRemove}
            loading={removeState.fetching}
          />
        </div>
      )}
      <FormError message={formErrors(removeState.error).form} />
    </li>
  );
}

function AddPasskey({ first, mfaEnabled, onAdded }: { first: boolean; mfaEnabled: boolean; onAdded: () => void }) {
  const [name, setName] = useState("");
  const [browserError, setBrowserError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [beginState, begin] = useApiMutation(BeginPasskeyRegistrationMutation);
  const [finishState, finish] = useApiMutation(FinishPasskeyRegistrationMutation);
  const [creating, setCreating] = useState(false);
  const errors = formErrors(finishState.error ?? beginState.error, ["name"]);
  const submit = async () => {
    setBrowserError(null);
    setNotice(null);
    const begun = await begin({});
    const options = begun.data?.beginPasskeyRegistration.options;
    if (!options) return;
    setCreating(true);
    const outcome = await createPasskey(options);
    setCreating(false);
    if (outcome.error !== undefined) {
      setBrowserError(outcome.error);
      return;
    }
    const result = await finish({ input: { credential: outcome.credential, name: name.trim() || null } });
    if (result.data) {
      setName("");
      const { name: added } = getFragmentData(PasskeyItemFragment, result.data.finishPasskeyRegistration);
      setNotice(
        first && !mfaEnabled
          ? `${added} added. Multi-factor authentication is now on and your other sessions ended. Make backup codes in case you lose it.`
          : `${added} added.`,
      );
      onAdded();
    }
  };
  return (
    <div className="subsection">
      <h3>Add a passkey</h3>
      <Form onSubmit={submit} error={browserError ?? errors.form} label="Add a passkey">
        <TextField
          label="Passkey name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={100}
          hint="To tell it apart: the device or password manager that keeps it. Up to 100 characters; “Passkey” if left empty."
        />
        <Button type="submit" loading={beginState.fetching || creating || finishState.fetching}>
          Add a passkey
        </Button>
        {notice && <Notice tone="success">{notice}</Notice>}
      </Form>
    </div>
  );
}
